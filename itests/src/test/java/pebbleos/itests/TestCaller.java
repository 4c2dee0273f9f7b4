package pebbleos.itests;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import pebbleos.api.process.FdTable;
import pebbleos.api.process.ProcessView;
import pebbleos.api.process.TaskContext;
import pebbleos.api.syscall.SyscallTable;

/** A stand-in caller for tests that exercise syscalls without a process table. */
final class TestCaller extends TaskContext implements ProcessView {
    private final SyscallTable table;
    private final FdTable fds = new FdTable();
    private final Map<String, String> env = new HashMap<>();
    private String cwd = "/";
    private Object engineState;
    final StringBuilder out = new StringBuilder();
    final List<String> states = new ArrayList<>();

    TestCaller(SyscallTable table) {
        this.table = table;
    }

    @Override
    public ProcessView process() {
        return this;
    }

    @Override
    public int tid() {
        return 1;
    }

    @Override
    public void safePoint() {
    }

    @Override
    public Object syscall(String name, Object... args) {
        return table.invoke(this, name, args);
    }

    @Override
    public void print(String text) {
        out.append(text);
    }

    @Override
    public void printError(String text) {
        out.append(text);
    }

    @Override
    public String readLine(String prompt) {
        return null;
    }

    @Override
    public void flush() {
    }

    @Override
    public void setState(String state) {
        states.add(state);
    }

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
        return List.of("test");
    }

    @Override
    public String path() {
        return "/test";
    }

    @Override
    public String engine() {
        return "none";
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
