package pebbleos.tty.console;

import java.util.ArrayList;
import java.util.List;

import pebbleos.api.PebbleException;
import pebbleos.api.process.Processes;
import pebbleos.api.process.Signals;
import pebbleos.api.process.TaskContext;
import pebbleos.api.syscall.Args;
import pebbleos.api.syscall.Dispatch;
import pebbleos.api.syscall.Syscall;
import pebbleos.api.syscall.SyscallFamily;
import pebbleos.api.value.PDict;
import pebbleos.api.value.PList;
import pebbleos.api.value.PNone;
import pebbleos.api.value.Values;

/**
 * The {@code term} family: drawing on the terminal, key input, its size and
 * its mode, the foreground owner, and the two requests the shell needs from
 * the console (detach requests, line options). Registered by
 * {@link JLineConsole}, whose device it drives.
 *
 * <p>Key reads block in the state {@code blocked-tty} and follow the
 * {@link TaskContext#blocking} contract; a process outside the foreground
 * group that reads keys is stopped with SIGTTIN, and reads {@code ""} if it
 * goes on in the background. Without a terminal every key read returns
 * {@code None} (end of input) at once and the drawing calls write nothing.
 */
final class TermFamily implements SyscallFamily, Dispatch.Table {
    /**
     * How long a key reader outside the foreground waits before it is stopped:
     * the shell gives the terminal to a job just after spawning it, so a
     * program that reads keys at once may ask a moment too early.
     */
    static final long SPAWN_GRACE_MILLIS = 250;
    private static final Object LOST = new Object();
    // the syscalls by number, answered by call(): one class, not one spun per lambda (Dispatch)
    private static final int WRITE = 0;
    private static final int FLUSH = 1;
    private static final int CLEAR = 2;
    private static final int MOVE = 3;
    private static final int HIDE_CURSOR = 4;
    private static final int SHOW_CURSOR = 5;
    private static final int ALT_SCREEN = 6;
    private static final int READ_KEY = 7;
    private static final int READ_KEY_TIMEOUT = 8;
    private static final int PENDING_KEYS = 9;
    private static final int ROWS = 10;
    private static final int COLS = 11;
    private static final int OWNER_PGID = 12;
    private static final int MODE = 13;
    private static final int ISATTY = 14;
    private static final int STATE = 15;
    private static final int TAKE_DETACH = 16;
    private static final int LINE_OPTIONS = 17;
    private final JLineConsole console;

    TermFamily(JLineConsole console) {
        this.console = console;
    }

    @Override
    public String name() {
        return "term";
    }

    @Override
    public List<Syscall> syscalls() {
        return List.of(
                new Syscall("term_write", "text", "write text straight to the terminal (escape sequences pass); returns its length",
                        new Dispatch(this, WRITE)),
                new Syscall("term_flush", "", "push terminal output out", new Dispatch(this, FLUSH)),
                new Syscall("term_clear", "", "clear the screen and home the cursor (ESC[2J ESC[H)",
                        new Dispatch(this, CLEAR)),
                new Syscall("term_move", "row, col", "move the cursor to row, col (1-based, ESC[r;cH)",
                        new Dispatch(this, MOVE)),
                new Syscall("term_hide_cursor", "", "hide the cursor (shown again when line input resumes)",
                        new Dispatch(this, HIDE_CURSOR)),
                new Syscall("term_show_cursor", "", "show the cursor",
                        new Dispatch(this, SHOW_CURSOR)),
                new Syscall("term_alt_screen", "flag",
                        "1: switch to the alternate screen (the shell's text is kept aside), 0: back to it; left by itself "
                                + "once the caller's group gives up the terminal (ends, ^C, ^Z)",
                        new Dispatch(this, ALT_SCREEN)),
                new Syscall("term_read_key", "",
                        "the next key, raw: a name (UP, ENTER, ^X, F2, RESIZE, REDRAW ...) or the character; None at end of input",
                        new Dispatch(this, READ_KEY)),
                new Syscall("term_read_key_timeout", "ms",
                        "the next key, or \"\" when ms pass first; None at end of input",
                        new Dispatch(this, READ_KEY_TIMEOUT)),
                new Syscall("term_pending_keys", "", "how many keys wait for the caller's process group",
                        new Dispatch(this, PENDING_KEYS)),
                new Syscall("term_rows", "", "terminal rows (24 when unknown)", new Dispatch(this, ROWS)),
                new Syscall("term_cols", "", "terminal columns (80 when unknown)", new Dispatch(this, COLS)),
                new Syscall("term_owner_pgid", "", "the process group that owns the terminal (0 when none)",
                        new Dispatch(this, OWNER_PGID)),
                new Syscall("term_mode", "", "\"raw\" while the foreground group reads keys, else \"cooked\"",
                        new Dispatch(this, MODE)),
                new Syscall("term_isatty", "", "1 when the console is an interactive terminal, else 0",
                        new Dispatch(this, ISATTY)),
                new Syscall("term_state", "",
                        "dict owner_pgid, mode, interactive, foreground_raw, rows, cols, pending_keys",
                        new Dispatch(this, STATE)),
                new Syscall("term_take_detach", "pgid",
                        "1 once when F1 asked for group pgid to go to the background (the shell then continues it there), else 0",
                        new Dispatch(this, TAKE_DETACH)),
                new Syscall("term_line_options", "options",
                        "line input of the caller's process: dict history (1: keep lines in the history file), commands (words to complete first), fresh_line (1: a prompt starts on a fresh line, marking output left without its newline); returns the previous options",
                        new Dispatch(this, LINE_OPTIONS)));
    }

    @Override
    public Object call(int id, TaskContext c, Object[] a) {
        return switch (id) {
            case WRITE -> write(c, a);
            case FLUSH -> flush(c, a);
            case CLEAR -> control(c, "term_clear", a, JLineConsole.CLEAR);
            case MOVE -> move(c, a);
            case HIDE_CURSOR -> control(c, "term_hide_cursor", a, JLineConsole.HIDE_CURSOR);
            case SHOW_CURSOR -> control(c, "term_show_cursor", a, JLineConsole.SHOW_CURSOR);
            case ALT_SCREEN -> altScreen(c, a);
            case READ_KEY -> readKey(c, Args.of("term_read_key", a, 0, 0), -1);
            case READ_KEY_TIMEOUT -> readKeyTimeout(c, a);
            case PENDING_KEYS -> pendingKeys(c, a);
            case ROWS -> rows(c, a);
            case COLS -> cols(c, a);
            case OWNER_PGID -> ownerPgid(c, a);
            case MODE -> mode(c, a);
            case ISATTY -> isatty(c, a);
            case STATE -> state(c, a);
            case TAKE_DETACH -> console.takeDetach(Args.of("term_take_detach", a, 1, 1).intValue(0)) ? 1L : 0L;
            case LINE_OPTIONS -> lineOptions(c, a);
            default -> throw new IllegalArgumentException("term: no syscall " + id);
        };
    }

    private Object write(TaskContext c, Object[] a) {
        String text = Values.str(Args.of("term_write", a, 1, 1).value(0));
        if (console.mayDraw(c.process().pgid())) {
            console.write(text);
        }
        return (long) text.length();
    }

    private Object flush(TaskContext c, Object[] a) {
        Args.of("term_flush", a, 0, 0);
        console.flush();
        return 0L;
    }

    private Object altScreen(TaskContext c, Object[] a) {
        console.altScreen(c.process().pgid(), Values.truthy(Args.of("term_alt_screen", a, 1, 1).value(0)));
        return 0L;
    }

    private Object readKeyTimeout(TaskContext c, Object[] a) {
        Args args = Args.of("term_read_key_timeout", a, 1, 1);
        return readKey(c, args, Math.max(0, Math.round(args.number(0))));
    }

    private Object pendingKeys(TaskContext c, Object[] a) {
        Args.of("term_pending_keys", a, 0, 0);
        return (long) console.pendingKeys(c.process().pgid());
    }

    private Object rows(TaskContext c, Object[] a) {
        Args.of("term_rows", a, 0, 0);
        return (long) console.rows();
    }

    private Object cols(TaskContext c, Object[] a) {
        Args.of("term_cols", a, 0, 0);
        return (long) console.cols();
    }

    private Object ownerPgid(TaskContext c, Object[] a) {
        Args.of("term_owner_pgid", a, 0, 0);
        return (long) console.foregroundGroup();
    }

    private Object mode(TaskContext c, Object[] a) {
        Args.of("term_mode", a, 0, 0);
        return console.mode();
    }

    private Object isatty(TaskContext c, Object[] a) {
        Args.of("term_isatty", a, 0, 0);
        return console.isTerminal() ? 1L : 0L;
    }

    private Object control(TaskContext c, String name, Object[] a, String sequence) {
        Args.of(name, a, 0, 0);
        if (console.mayDraw(c.process().pgid())) {
            console.control(sequence);
        }
        return 0L;
    }

    private Object move(TaskContext c, Object[] a) {
        Args args = Args.of("term_move", a, 2, 2);
        long row = Math.max(1, args.integer(0));
        long col = Math.max(1, args.integer(1));
        if (console.mayDraw(c.process().pgid())) {
            console.control("\033[" + row + ";" + col + "H");
        }
        return 0L;
    }

    private Object readKey(TaskContext c, Args args, long timeoutMillis) {
        if (!console.isTerminal()) {
            return PNone.NONE;
        }
        int group = c.process().pgid();
        while (true) {
            if (!claimForeground(c, group)) {
                return "";
            }
            Object key = c.blocking("blocked-tty", () -> {
                try {
                    String k = console.takeKey(group, timeoutMillis);
                    return k == null ? PNone.NONE : k;
                } catch (InterruptedException e) {
                    return TaskContext.INTERRUPTED;
                } catch (KeyQueues.LostTerminal e) {
                    return LOST;
                }
            });
            if (key != LOST) {
                return key;
            }
            // stopped and continued in the background while it waited: claim the terminal again
        }
    }

    /**
     * A key reader must be in the foreground group: a background one is
     * stopped with SIGTTIN. Returns false when it goes on in the background
     * (continued there, or it ignores SIGTTIN): its read then gives "".
     */
    private boolean claimForeground(TaskContext c, int group) {
        Object fg = c.blocking("blocked-tty",
                () -> console.awaitForeground(group, SPAWN_GRACE_MILLIS) ? Boolean.TRUE : Boolean.FALSE);
        if (fg == Boolean.TRUE) {
            return true;
        }
        Processes p = console.processes();
        if (p == null) {
            return false;
        }
        try {
            p.signalGroup(group, Signals.SIGTTIN);
        } catch (PebbleException e) {
            return false;
        }
        c.safePoint(); // stops here until continued
        return console.foregroundGroup() == group;
    }

    private Object state(TaskContext c, Object[] a) {
        Args.of("term_state", a, 0, 0);
        PDict d = new PDict();
        d.put("owner_pgid", (long) console.foregroundGroup());
        d.put("mode", console.mode());
        d.put("interactive", console.isTerminal() ? 1L : 0L);
        d.put("foreground_raw", console.foregroundRaw() ? 1L : 0L);
        d.put("rows", (long) console.rows());
        d.put("cols", (long) console.cols());
        d.put("pending_keys", (long) console.pendingKeys(c.process().pgid()));
        return d;
    }

    private Object lineOptions(TaskContext c, Object[] a) {
        PDict options = Args.of("term_line_options", a, 1, 1).dict(0);
        JLineConsole.LineOptions before = console.lineOptions(c.pid());
        boolean history = options.containsKey("history") ? Values.truthy(options.get("history")) : before.history();
        List<String> commands = before.commands();
        if (options.containsKey("commands")) {
            commands = new ArrayList<>();
            if (options.get("commands") instanceof PList words) {
                for (Object w : words) {
                    commands.add(Values.str(w));
                }
            }
        }
        boolean freshLine = options.containsKey("fresh_line")
                ? Values.truthy(options.get("fresh_line")) : before.freshLine();
        console.setLineOptions(c.pid(), new JLineConsole.LineOptions(history, List.copyOf(commands), freshLine));
        PDict previous = new PDict();
        previous.put("history", before.history() ? 1L : 0L);
        previous.put("commands", PList.from(before.commands()));
        previous.put("fresh_line", before.freshLine() ? 1L : 0L);
        return previous;
    }
}
