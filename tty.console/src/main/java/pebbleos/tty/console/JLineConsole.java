package pebbleos.tty.console;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.IntPredicate;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.jline.reader.UserInterruptException;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.console.Console;
import pebbleos.api.process.Channel;
import pebbleos.api.process.Processes;
import pebbleos.api.process.Signals;
import pebbleos.api.process.TaskContext;
import pebbleos.api.syscall.ProvidesFamily;
import pebbleos.api.syscall.SyscallFamily;

/**
 * The console device on JLine 3, ranked above the kernel's plain stream
 * console. When the JVM runs on an interactive terminal it opens it as a
 * JLine system terminal; otherwise (pipes, CI) it reads and writes the plain
 * standard streams, {@link #isTerminal()} is false and key reads report end
 * of input.
 *
 * <p>On a terminal the line discipline is ours: the terminal stays in raw
 * mode with signal keys off, a {@link KeyPump} reads keys whenever no line is
 * being edited, job-control keys act on the foreground process group
 * ({@link JobControl}), other keys wait in per-group {@link KeyQueues}, and
 * line input goes through the {@link LineEditor}; {@link HostTerminal} opens
 * the host terminal and sets it up, {@link RedrawWatch} tells a program when
 * the terminal comes back to it. The <em>mode</em> Pebble
 * sees ({@code raw} or {@code cooked}) is the logical one: raw while the
 * foreground group keeps reading keys, cooked for line input and once that
 * group ends or leaves the foreground.
 *
 * <p>It also registers the {@code term} syscall family ({@link TermFamily}),
 * as the process table registers {@code proc}.
 */
@ProvidesFamily("term")
@Component(service = Console.class, immediate = true,
        property = {Console.KIND + "=jline", Constants.SERVICE_RANKING + ":Integer=100"})
public final class JLineConsole implements Console {
    private static final Logger LOG = Logger.getLogger(JLineConsole.class.getName());
    static final String CLEAR = "\033[2J\033[H";
    static final String HIDE_CURSOR = "\033[?25l";
    static final String SHOW_CURSOR = "\033[?25h";
    static final String ENTER_ALT_SCREEN = "\033[?1049h";
    static final String LEAVE_ALT_SCREEN = "\033[?1049l";
    static final String RESET_ATTRIBUTES = "\033[0m";

    /** What a process's line input gets: history and extra completion words. */
    record LineOptions(boolean history, List<String> commands, boolean freshLine) {
        static final LineOptions PLAIN = new LineOptions(false, List.of(), false);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Processes processes;

    private Terminal terminal;
    /** The host's streams: the console's own without a terminal, and where output goes once it is stopped. */
    private PlainStreams plain = new PlainStreams();
    /**
     * Set once the console is stopped. Its channels may live on in the
     * processes that hold them: from then on they read end of input (the
     * shell on it ends, and its supervisor starts one on the console that
     * serves now) and write to the host's plain streams.
     */
    private volatile boolean closed;
    /** The thread in a line read, woken when the console stops. */
    private volatile Thread lineThread;
    private LineEditor editor;
    private KeyPump pump;
    private final KeyQueues keys = new KeyQueues();
    // classes, not lambdas: a bundle's lambdas are spun again at every boot (docs/performance.md, fourteenth pass)
    private final JobControl jobs = new JobControl(new CurrentProcesses(), new Echo());
    private final ReentrantLock lineLock = new ReentrantLock();
    private final Object outputLock = new Object();
    private final Object inputLock = new Object();
    private final OutputStream errorStream = new FileOutputStream(FileDescriptor.err);
    private final Map<Integer, LineOptions> lineOptions = new ConcurrentHashMap<>();
    /** What a line read ended by ^Z or F1 had typed, by group: the next read starts with it. */
    private final Map<Integer, String> unfinished = new ConcurrentHashMap<>();
    private byte[] pendingInput = new byte[0];
    private int pendingOffset;
    private volatile int rawOwner;
    private final RedrawWatch redraw = new RedrawWatch(new Foreground(jobs), keys, new GroupAlive());
    private volatile boolean lineReading;
    private volatile boolean cursorHidden;
    /** The group that switched the terminal to the alternate screen and has not switched it back (0: none). */
    private volatile int altScreenOwner;
    /** The group whose alternate screen the console left for it when it gave up the terminal (0: none). */
    private volatile int altScreenLeftBy;
    private volatile Size size = new Size(80, 24);
    private ServiceRegistration<SyscallFamily> family;

    @Activate
    void activate(BundleContext context) {
        start(HostTerminal.open(), HostTerminal.historyFile());
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(SyscallFamily.FAMILY, "term");
        family = context.registerService(SyscallFamily.class, new TermFamily(this), props);
    }

    @Deactivate
    void deactivate() {
        if (family != null) {
            family.unregister();
        }
        stop();
    }

    /**
     * Take the terminal (or, for {@code null}, the plain streams): put it in
     * raw mode with the signal keys off and start reading keys. Tests hand in
     * a terminal over streams.
     */
    void start(Terminal t, Path history) {
        terminal = t;
        if (terminal == null) {
            return;
        }
        HostTerminal.enterProgramMode(terminal);
        updateSize();
        terminal.handle(Terminal.Signal.WINCH, signal -> resized());
        editor = new LineEditor(terminal, history);
        pump = new KeyPump(terminal.reader(), this::keyTyped, keys::close);
        pump.start();
        redraw.start();
    }

    /** Give the terminal back: stop reading keys, save the history, restore the host's settings. */
    void stop() {
        closed = true;
        keys.close();
        if (terminal == null) {
            return;
        }
        endLineRead();
        redraw.stop();
        pump.stop();
        editor.close();
        try {
            if (altScreenOwner != 0) {
                write(RESET_ATTRIBUTES + LEAVE_ALT_SCREEN);
            }
            if (cursorHidden) {
                write(SHOW_CURSOR);
            }
            terminal.close(); // gives the host its terminal settings back
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing the terminal", e);
        }
    }

    /**
     * A line read in progress must end before the terminal closes: JLine
     * polls the terminal every 100 ms and stops on an interrupt, but on a
     * closed terminal it would block in the host's read and take the next
     * key typed for the console that replaces this one.
     */
    private void endLineRead() {
        Thread t = lineThread;
        if (t == null) {
            return;
        }
        t.interrupt();
        try {
            if (lineLock.tryLock(1, java.util.concurrent.TimeUnit.SECONDS)) {
                lineLock.unlock();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** For tests: the process table without DS. */
    void setProcesses(Processes table) {
        processes = table;
    }

    /** SIGWINCH as the host sends it (tests call it after changing the size). */
    void windowChanged() {
        resized();
    }

    // ------------------------------------------------------------------ keys

    /** A key from the pump: a job-control key acts now, others wait for the foreground group. */
    private void keyTyped(String name, String raw) {
        if (jobs.handle(name, true)) {
            return;
        }
        keys.add(jobs.foreground(), name, raw);
    }

    /** For tests: the foreground group the watcher saw last. */
    int watchedForeground() {
        return redraw.lastSeen();
    }

    private void echo(String text) {
        write(text);
    }

    /** True while some process of group {@code pgid} exists (unknown groups count as alive without a process table). */
    boolean groupAlive(int pgid) {
        Processes p = processes;
        if (p == null) {
            return true;
        }
        try {
            p.signalGroup(pgid, 0);
            return true;
        } catch (PebbleException e) {
            return false;
        }
    }

    /** The process table bound now (none between its providers). */
    private final class CurrentProcesses implements Supplier<Processes> {
        @Override
        public Processes get() {
            return processes;
        }
    }

    /** Job control's echo of {@code ^C} and {@code ^Z}, written as the console's output. */
    private final class Echo implements Consumer<String> {
        @Override
        public void accept(String text) {
            echo(text);
        }
    }

    /** {@link #groupAlive}, for the redraw watch. */
    private final class GroupAlive implements IntPredicate {
        @Override
        public boolean test(int pgid) {
            return groupAlive(pgid);
        }
    }

    /** Job control's foreground group, for the redraw watch. */
    private static final class Foreground implements IntSupplier {
        private final JobControl jobs;

        Foreground(JobControl jobs) {
            this.jobs = jobs;
        }

        @Override
        public int getAsInt() {
            return jobs.foreground();
        }
    }

    /**
     * The next key typed for group {@code pgid}: its name, {@code ""} when the
     * time passes first, {@code null} at end of input (and always without a
     * terminal). The group holds the terminal in raw mode from now on.
     *
     * @throws KeyQueues.LostTerminal when the group leaves the foreground while it waits
     */
    String takeKey(int pgid, long timeoutMillis) throws InterruptedException {
        if (terminal == null) {
            return null;
        }
        rawOwner = pgid;
        redraw.readsKeys(pgid);
        KeyQueues.Key k = keys.take(pgid, timeoutMillis, this::groupAlive,
                () -> processes == null || jobs.foreground() == pgid || jobs.foreground() == 0);
        if (k == null) {
            return keys.isClosed() ? null : "";
        }
        return k.name();
    }

    /** Keys waiting for group {@code pgid}. */
    int pendingKeys(int pgid) {
        return keys.size(pgid);
    }

    /** True once when F1 asked for group {@code pgid} to be detached into the background. */
    boolean takeDetach(int pgid) {
        return jobs.takeDetach(pgid);
    }

    /** Wait up to {@code millis} for group {@code pgid} to own the terminal; true when it does (or no group does). */
    boolean awaitForeground(int pgid, long millis) {
        long deadline = System.currentTimeMillis() + millis;
        while (true) {
            int fg = jobs.foreground();
            if (fg == 0 || fg == pgid) {
                return true;
            }
            if (System.currentTimeMillis() >= deadline) {
                return false;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    int foregroundGroup() {
        return jobs.foreground();
    }

    /** Group {@code pgid} holds the terminal raw: it reads keys and is in the foreground. */
    boolean foregroundRaw() {
        int g = rawOwner;
        return terminal != null && g != 0 && !lineReading && g == jobs.foreground();
    }

    Processes processes() {
        return processes;
    }

    // ------------------------------------------------------------------ size

    private void updateSize() {
        try {
            Size s = terminal.getSize();
            if (s != null && s.getRows() > 0 && s.getColumns() > 0) {
                size = s;
            }
        } catch (RuntimeException e) {
            // keep the last known size
        }
    }

    /** SIGWINCH from the host: new size, SIGWINCH and a RESIZE key to the foreground group. */
    private void resized() {
        updateSize();
        int group = jobs.foreground();
        Processes p = processes;
        if (group == 0 || p == null) {
            return;
        }
        try {
            p.signalGroup(group, Signals.SIGWINCH);
        } catch (PebbleException e) {
            return;
        }
        if (!lineReading) {
            // also for a group that has not read a key yet: a program that drew its first
            // frame and is about to read must not miss it (line input redraws by itself)
            keys.add(group, "RESIZE", "");
        }
    }

    // ------------------------------------------------------------------ line options

    void setLineOptions(int pid, LineOptions options) {
        lineOptions.keySet().removeIf(p -> !processAlive(p));
        lineOptions.put(pid, options);
    }

    LineOptions lineOptions(int pid) {
        return lineOptions.getOrDefault(pid, LineOptions.PLAIN);
    }

    private boolean processAlive(int pid) {
        Processes p = processes;
        if (p == null) {
            return true;
        }
        try {
            p.signal(pid, 0);
            return true;
        } catch (PebbleException e) {
            return false;
        }
    }

    // ------------------------------------------------------------------ Console

    @Override
    public boolean isTerminal() {
        return terminal != null;
    }

    @Override
    public Channel channel(int stream) {
        return new TerminalChannel(this, stream);
    }

    @Override
    public String readLine(String prompt) {
        return readLine(prompt, null);
    }

    @Override
    public String readLine(String prompt, TaskContext reader) {
        if (closed) {
            return null;
        }
        if (terminal == null) {
            plain.print(prompt);
            return plain.readLine();
        }
        int group = reader != null ? reader.process().pgid() : jobs.foreground();
        if (reader != null && !backgroundReadAllowed(reader)) {
            throw new PebbleException(Errno.INTR, "background read of the terminal");
        }
        LineOptions options = reader == null ? LineOptions.PLAIN : lineOptions(reader.pid());
        try {
            lineLock.lockInterruptibly();
        } catch (InterruptedException e) {
            throw new PebbleException(Errno.INTR, "interrupted");
        }
        try {
            pump.pause();
            redraw.look(); // the watcher may not have seen the terminal come back to the reader
            lineReading = true;
            leaveAltScreenLeftBy(group);
            if (cursorHidden) {
                write(SHOW_CURSOR);
                cursorHidden = false;
            }
            StringBuilder typeahead = new StringBuilder();
            for (KeyQueues.Key k : keys.drain(group, this::groupAlive)) {
                typeahead.append(k.raw());
            }
            lineThread = Thread.currentThread();
            if (closed) {
                return null;
            }
            try {
                return editor.read(prompt, options.history(), options.freshLine(), options.commands(), reader, typeahead.toString(),
                        unfinished.remove(group));
            } catch (LineEditor.JobKey k) {
                if (!JobControl.INTERRUPT.equals(k.key) && !k.partial.isEmpty()) {
                    unfinished.put(group, k.partial); // a stopped reader finds its line again when it reads anew
                }
                jobs.handle(k.key, false);
                throw new PebbleException(Errno.INTR, "interrupted by " + k.key);
            } catch (UserInterruptException e) {
                if (closed) {
                    return null;
                }
                throw new PebbleException(Errno.INTR, "interrupted");
            } catch (RuntimeException e) {
                if (closed) {
                    return null; // the terminal went away under the read (an IOError from JLine)
                }
                throw e;
            }
        } finally {
            lineThread = null;
            lineReading = false;
            if (closed) {
                Thread.interrupted(); // the wake-up is spent: the reader goes on with end of input
                lineLock.unlock();
            } else {
                Size before = size;
                updateSize();
                pump.resume();
                lineLock.unlock();
                if (!size.equals(before)) {
                    resized();
                }
            }
        }
    }

    /**
     * A background reader of the terminal is stopped with SIGTTIN (its
     * blocking call runs the read again once it is continued). Returns true
     * when the reader is in the foreground.
     */
    private boolean backgroundReadAllowed(TaskContext reader) {
        int group = reader.process().pgid();
        if (awaitForeground(group, TermFamily.SPAWN_GRACE_MILLIS)) {
            return true;
        }
        try {
            processes.signalGroup(group, Signals.SIGTTIN);
            Thread.sleep(20); // a reader that ignores SIGTTIN must not spin
        } catch (PebbleException e) {
            // no such group: nothing to stop
        } catch (InterruptedException e) {
            // the stop has arrived
        }
        return false;
    }

    @Override
    public String readKey(long timeoutMillis) {
        if (closed) {
            return null;
        }
        try {
            return takeKey(jobs.foreground(), timeoutMillis);
        } catch (InterruptedException | KeyQueues.LostTerminal e) {
            throw new PebbleException(Errno.INTR, "interrupted");
        }
    }

    @Override
    public int rows() {
        return terminal == null ? envSize("LINES", 24) : size.getRows();
    }

    @Override
    public int cols() {
        return terminal == null ? envSize("COLUMNS", 80) : size.getColumns();
    }

    private static int envSize(String variable, int fallback) {
        try {
            String v = System.getenv(variable);
            int n = v == null ? fallback : Integer.parseInt(v.trim());
            return n > 0 ? n : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    @Override
    public String mode() {
        return foregroundRaw() ? "raw" : "cooked";
    }

    @Override
    public void write(String text) {
        if (terminal == null || closed) {
            plain.print(text);
            return;
        }
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        writeTerminal(b, 0, b.length);
    }

    @Override
    public void flush() {
        if (terminal != null && !closed) {
            synchronized (outputLock) {
                terminal.flush();
            }
        }
    }

    /**
     * Group {@code pgid} switches the terminal to the alternate screen (a
     * full-screen program's own page, the shell's text kept aside) or back.
     */
    void altScreen(int pgid, boolean on) {
        if (terminal == null || closed) {
            return;
        }
        altScreenOwner = on ? pgid : 0;
        altScreenLeftBy = 0;
        write(on ? ENTER_ALT_SCREEN : RESET_ATTRIBUTES + LEAVE_ALT_SCREEN);
    }

    /**
     * Whether group {@code pgid} may draw now. A group whose alternate screen
     * the console left (it was stopped, or detached into the background) draws
     * nothing while another group owns the terminal: its frames would land on
     * the shell's screen (it may paint once more between the stop signal and
     * its next safe point). Once it owns the terminal again it gets its own
     * screen back, cleared, before its first drawing call; the REDRAW key tells
     * it to draw everything.
     */
    boolean mayDraw(int pgid) {
        int left = altScreenLeftBy;
        if (left == 0 || left != pgid || terminal == null || closed) {
            return true;
        }
        if (jobs.foreground() != pgid) {
            return false;
        }
        altScreenLeftBy = 0;
        altScreenOwner = pgid;
        write(ENTER_ALT_SCREEN + CLEAR);
        return true;
    }

    /**
     * The shell's screen comes back once the program that took the alternate
     * screen no longer holds the terminal (it ended, was killed by ^C, was
     * stopped or detached): before anyone else reads a line, or writes while
     * another group owns the terminal. The cursor is shown again and the
     * attributes reset. {@code current} is the group about to read or the
     * foreground group.
     */
    private void leaveAltScreenLeftBy(int current) {
        int owner = altScreenOwner;
        if (owner == 0 || owner == current) {
            return;
        }
        altScreenOwner = 0;
        altScreenLeftBy = owner;
        String restore = RESET_ATTRIBUTES + LEAVE_ALT_SCREEN;
        if (cursorHidden) {
            cursorHidden = false;
            restore += SHOW_CURSOR;
        }
        write(restore);
    }

    /** For tests: the group holding the alternate screen, 0 when none. */
    int altScreenOwner() {
        return altScreenOwner;
    }

    /** Terminal control sequences are only written to a terminal. */
    void control(String sequence) {
        if (terminal == null || closed) {
            return;
        }
        if (sequence.equals(HIDE_CURSOR)) {
            cursorHidden = true;
        } else if (sequence.equals(SHOW_CURSOR)) {
            cursorHidden = false;
        }
        write(sequence);
    }

    // ------------------------------------------------------------------ channels

    /** Bytes for standard output or error (or {@code /dev/tty}). */
    void writeStream(boolean toError, byte[] bytes, int offset, int len) {
        if (terminal == null || closed) {
            plain.write(toError, bytes, offset, len);
            return;
        }
        if (lineReading && editor.reading() && !lineLock.isHeldByCurrentThread()) {
            // a program writes while someone edits a line: keep the line below the output
            editor.printAbove(new String(bytes, offset, len, StandardCharsets.UTF_8));
            return;
        }
        leaveAltScreenLeftBy(jobs.foreground());
        if (toError) {
            synchronized (outputLock) {
                terminal.flush();
                try {
                    errorStream.write(bytes, offset, len);
                } catch (IOException e) {
                    throw new PebbleException(Errno.PIPE, "standard error closed: " + e.getMessage());
                }
            }
            return;
        }
        writeTerminal(bytes, offset, len);
    }

    private void writeTerminal(byte[] bytes, int offset, int len) {
        synchronized (outputLock) {
            try {
                OutputStream out = terminal.output();
                out.write(bytes, offset, len);
                out.flush();
            } catch (IOException e) {
                throw new PebbleException(Errno.IO, "terminal output: " + e.getMessage());
            }
        }
    }

    /** Bytes of standard input: a cooked line at a time on a terminal. */
    int readInput(byte[] buffer, int offset, int len) {
        if (closed) {
            return -1;
        }
        if (terminal == null) {
            return plain.read(buffer, offset, len);
        }
        synchronized (inputLock) {
            if (pendingOffset >= pendingInput.length) {
                String line = readLine("", null);
                if (line == null) {
                    return -1;
                }
                pendingInput = (line + "\n").getBytes(StandardCharsets.UTF_8);
                pendingOffset = 0;
            }
            int n = Math.min(len, pendingInput.length - pendingOffset);
            System.arraycopy(pendingInput, pendingOffset, buffer, offset, n);
            pendingOffset += n;
            return n;
        }
    }
}
