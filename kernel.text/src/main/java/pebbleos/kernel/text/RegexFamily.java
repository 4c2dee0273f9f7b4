package pebbleos.kernel.text;

import java.util.List;

import org.osgi.service.component.annotations.Component;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.process.TaskContext;
import pebbleos.api.syscall.Args;
import pebbleos.api.syscall.Dispatch;
import pebbleos.api.syscall.ProvidesFamily;
import pebbleos.api.syscall.Syscall;
import pebbleos.api.syscall.SyscallFamily;
import pebbleos.api.value.PList;
import pebbleos.api.value.PNone;
import pebbleos.kernel.text.regex.Interrupts;
import pebbleos.kernel.text.regex.Regex;

/**
 * The {@code regex} family: a machine that runs regular-expression programs.
 * Which patterns mean what (POSIX basic and extended syntax, GNU's escapes,
 * ignore-case, grep's -w and -x) is policy, decided in Pebble by
 * {@code /system/lib/regex.peb}, which compiles a pattern into a program of
 * the instruction set described in {@link pebbleos.kernel.text.regex.Program};
 * this family checks the program and searches text with it (leftmost-longest,
 * in time linear in the text unless the program has backreferences).
 * It exists because a matcher written in Pebble ran some hundred times
 * slower than GNU grep (see docs/commands.md).
 */
@ProvidesFamily("regex")
@Component(service = SyscallFamily.class, property = SyscallFamily.FAMILY + "=regex")
public final class RegexFamily implements SyscallFamily, Dispatch.Table {
    // the syscalls by number, answered by call(): one class, not one spun per lambda (Dispatch)
    private static final int COMPILE = 0;
    private static final int SEARCH = 1;
    private static final int LINES = 2;
    private static final int GROUPS = 3;

    @Override
    public String name() {
        return "regex";
    }

    @Override
    public List<Syscall> syscalls() {
        return List.of(
                new Syscall("regex_compile", "program[, flags]",
                        "check a regex program (a list of instructions) and return it compiled; flags: i ignore case, n newline ends lines",
                        new Dispatch(this, COMPILE)),
                new Syscall("regex_search", "regex, text[, start]",
                        "the leftmost-longest match at or after start: [start, end] per group (-1 when a group took no part), or None",
                        new Dispatch(this, SEARCH)),
                new Syscall("regex_lines", "regex, text[, start[, limit]]",
                        "the lines of text (ended by newlines) that hold a match, from start (a line's start) on, at most limit of them: [line start, line end, ...]",
                        new Dispatch(this, LINES)),
                new Syscall("regex_groups", "regex", "how many groups the program captures, group 0 (the match) included",
                        new Dispatch(this, GROUPS)));
    }

    @Override
    public Object call(int id, TaskContext c, Object[] a) {
        return switch (id) {
            case COMPILE -> compile(c, a);
            case SEARCH -> search(c, a);
            case LINES -> lines(c, a);
            case GROUPS -> (long) regex("regex_groups", Args.of("regex_groups", a, 1, 1), 0).groups();
            default -> throw new IllegalArgumentException("regex: no syscall " + id);
        };
    }

    private static Object compile(TaskContext caller, Object[] values) {
        Args args = Args.of("regex_compile", values, 1, 2);
        if (!(args.value(0) instanceof PList program)) {
            throw new PebbleException(Errno.INVAL, "regex_compile: argument 1 must be a list of instructions");
        }
        String flags = args.string(1, "");
        try {
            return new CompiledRegex(Regex.compile(javaList(program), flags));
        } catch (IllegalArgumentException e) {
            throw new PebbleException(Errno.INVAL, "regex_compile: " + e.getMessage());
        }
    }

    /** A Pebble list as a Java list, nested lists too. */
    private static List<Object> javaList(PList list) {
        List<Object> out = new java.util.ArrayList<>(list.size());
        for (Object v : list) {
            out.add(v instanceof PList inner ? javaList(inner) : v);
        }
        return out;
    }

    private static CompiledRegex regex(String name, Args args, int i) {
        if (args.value(i) instanceof CompiledRegex rx) {
            return rx;
        }
        throw new PebbleException(Errno.INVAL, name + ": argument " + (i + 1) + " must be a compiled regex");
    }

    private static Interrupts interrupts(TaskContext caller) {
        return () -> {
            if (caller.attention != 0) {
                caller.safePoint();
            }
        };
    }

    private static Object lines(TaskContext caller, Object[] values) {
        Args args = Args.of("regex_lines", values, 2, 4);
        CompiledRegex rx = regex("regex_lines", args, 0);
        String text = args.string(1);
        long start = Math.max(0, args.integer(2, 0));
        long limit = args.integer(3, Integer.MAX_VALUE);
        return PList.from(rx.regex().lines(text, (int) Math.min(start, text.length()), limit, interrupts(caller)));
    }

    private static Object search(TaskContext caller, Object[] values) {
        Args args = Args.of("regex_search", values, 2, 3);
        CompiledRegex rx = regex("regex_search", args, 0);
        String text = args.string(1);
        long start = args.integer(2, 0);
        if (start < 0 || start > text.length()) {
            return PNone.NONE;
        }
        int[] caps = rx.regex().search(text, (int) start, interrupts(caller));
        if (caps == null) {
            return PNone.NONE;
        }
        Object[] out = new Object[caps.length];
        for (int i = 0; i < caps.length; i += 2) {
            boolean set = caps[i] >= 0 && caps[i + 1] >= 0;
            out[i] = (long) (set ? caps[i] : -1);
            out[i + 1] = (long) (set ? caps[i + 1] : -1);
        }
        return PList.adopt(out, out.length);
    }
}
