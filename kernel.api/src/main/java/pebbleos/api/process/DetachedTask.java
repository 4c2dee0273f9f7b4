package pebbleos.api.process;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;

/**
 * A process of one thread outside any process table: process 1 of root
 * (uid 0, gid 0, umask 022), its output and errors kept in memory, its input
 * lines taken from a queue, every syscall refused with NOSYS unless a
 * subclass answers it. The kernel's threads are kernel.proc's; this is the
 * one stand-in for code that runs Pebble or calls syscalls without a kernel:
 * the engines' test kernels, the console's tests and the Pax Exam tests
 * (which see only exported packages, hence its place here). Subclasses
 * override what their test needs (a syscall table, a pid, what a safe point
 * does) and nothing else.
 */
public class DetachedTask extends TaskContext implements ProcessView {
    /** What the program printed. */
    public final StringBuilder out = new StringBuilder();
    /** What the program wrote to standard error. */
    public final StringBuilder err = new StringBuilder();
    /** Lines {@link #readLine} hands out, then end of input. */
    public final Deque<String> input = new ArrayDeque<>();
    /** Every state the thread reported, in order. */
    public final List<String> states = new ArrayList<>();
    private final Map<String, String> env = new HashMap<>();
    private final FdTable fds = new FdTable();
    private final String program;
    private final String engine;
    private String cwd = "/";
    private Object engineState;

    /** A task running {@code program} (its path, also its argv[0]'s source) on {@code engine}. */
    public DetachedTask(String program, String engine) {
        this.program = program;
        this.engine = engine;
    }

    @Override
    public ProcessView process() {
        return this;
    }

    @Override
    public int tid() {
        return pid();
    }

    @Override
    public void safePoint() {
    }

    /** NOSYS: there is no kernel; a subclass with a syscall table answers. */
    @Override
    public Object syscall(String name, Object... args) {
        throw new PebbleException(Errno.NOSYS, name + ": no kernel here");
    }

    @Override
    public void print(String text) {
        out.append(text);
    }

    @Override
    public void printError(String text) {
        err.append(text);
    }

    /** The prompt goes to {@link #out}; the next line of {@link #input}, or {@code null} at its end. */
    @Override
    public String readLine(String prompt) {
        out.append(prompt);
        return input.pollFirst();
    }

    @Override
    public void flush() {
    }

    @Override
    public void setState(String state) {
        states.add(state);
    }

    /** Runs the operation on this thread: nothing interrupts a detached task. */
    @Override
    public <T> T blocking(String state, Supplier<T> operation) {
        return operation.get();
    }

    @Override
    public int pid() {
        return 1;
    }

    @Override
    public int ppid() {
        return 0;
    }

    @Override
    public int pgid() {
        return 1;
    }

    @Override
    public int sid() {
        return 1;
    }

    @Override
    public int uid() {
        return 0;
    }

    @Override
    public int gid() {
        return 0;
    }

    @Override
    public int umask() {
        return 022;
    }

    @Override
    public String cwd() {
        return cwd;
    }

    @Override
    public void setCwd(String absolutePath) {
        cwd = absolutePath;
    }

    @Override
    public Map<String, String> env() {
        return env;
    }

    @Override
    public List<String> argv() {
        return List.of(program.substring(program.lastIndexOf('/') + 1));
    }

    @Override
    public String path() {
        return program;
    }

    @Override
    public String engine() {
        return engine;
    }

    @Override
    public FdTable fds() {
        return fds;
    }

    @Override
    public Object engineState() {
        return engineState;
    }

    @Override
    public void setEngineState(Object state) {
        engineState = state;
    }
}
