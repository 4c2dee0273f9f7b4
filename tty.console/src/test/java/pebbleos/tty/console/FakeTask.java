package pebbleos.tty.console;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.process.ProcessView;
import pebbleos.api.process.TaskContext;

/** A thread of a process with a working directory, an environment and scripted syscalls. */
final class FakeTask extends TaskContext {
    final int pid;
    int pgid;
    String cwd = "/";
    final Map<String, String> env = new HashMap<>();
    BiFunction<String, Object[], Object> syscalls = (name, args) -> {
        throw new PebbleException(Errno.NOSYS, name);
    };
    int safePoints;
    String lastBlockedState;

    FakeTask(int pid, int pgid) {
        this.pid = pid;
        this.pgid = pgid;
    }

    @Override
    public ProcessView process() {
        return (ProcessView) Proxy.newProxyInstance(ProcessView.class.getClassLoader(),
                new Class<?>[] {ProcessView.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "pid":
                            return pid;
                        case "pgid":
                            return pgid;
                        case "sid":
                            return 1;
                        case "cwd":
                            return cwd;
                        case "env":
                            return env;
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }

    @Override
    public int tid() {
        return pid;
    }

    @Override
    public int pid() {
        return pid;
    }

    @Override
    public void safePoint() {
        safePoints++;
    }

    @Override
    public Object syscall(String name, Object... args) {
        return syscalls.apply(name, args);
    }

    @Override
    public void print(String text) {
    }

    @Override
    public void printError(String text) {
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
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T blocking(String state, Supplier<T> operation) {
        lastBlockedState = state;
        while (true) {
            T r = operation.get();
            if (r != INTERRUPTED) {
                return r;
            }
        }
    }
}
