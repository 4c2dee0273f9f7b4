package pebbleos.itests;

import pebbleos.api.process.DetachedTask;
import pebbleos.api.syscall.SyscallTable;

/** A stand-in caller for tests that exercise syscalls without a process table: the live table answers. */
final class TestCaller extends DetachedTask {
    private final SyscallTable table;

    TestCaller(SyscallTable table) {
        super("/test", "none");
        this.table = table;
    }

    @Override
    public Object syscall(String name, Object... args) {
        return table.invoke(this, name, args);
    }
}
