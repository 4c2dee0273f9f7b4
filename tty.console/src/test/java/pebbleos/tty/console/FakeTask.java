package pebbleos.tty.console;

import java.util.function.BiFunction;
import java.util.function.Supplier;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.process.DetachedTask;

/** A thread of a process with its own pid and group and scripted syscalls; what a blocking call waited on is kept. */
final class FakeTask extends DetachedTask {
    final int pid;
    int pgid;
    BiFunction<String, Object[], Object> syscalls = (name, args) -> {
        throw new PebbleException(Errno.NOSYS, name);
    };
    int safePoints;
    String lastBlockedState;

    FakeTask(int pid, int pgid) {
        super("/test", "test");
        this.pid = pid;
        this.pgid = pgid;
    }

    @Override
    public int pid() {
        return pid;
    }

    @Override
    public int pgid() {
        return pgid;
    }

    @Override
    public void safePoint() {
        safePoints++;
    }

    @Override
    public Object syscall(String name, Object... args) {
        return syscalls.apply(name, args);
    }

    /** As the kernel does: an operation that returns {@link #INTERRUPTED} runs again. */
    @Override
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
