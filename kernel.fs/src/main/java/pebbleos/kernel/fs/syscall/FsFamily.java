package pebbleos.kernel.fs.syscall;

import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import pebbleos.api.syscall.ProvidesFamily;
import pebbleos.api.syscall.Syscall;
import pebbleos.api.syscall.SyscallFamily;
import pebbleos.kernel.fs.MountTable;

/**
 * The {@code fs} syscall family: the path calls ({@code fs_*}) and the
 * descriptor calls ({@code fd_*}) over this bundle's mount table. Errors are
 * errno failures named after the syscall and the path
 * ({@code fs_read: no such file or directory: /a/b}).
 */
@ProvidesFamily("fs")
@Component(service = SyscallFamily.class, property = SyscallFamily.FAMILY + "=fs")
public final class FsFamily implements SyscallFamily {
    private final List<Syscall> syscalls;

    @Activate
    public FsFamily(@Reference MountTable mounts) {
        List<Syscall> all = new ArrayList<>(new FsCalls(mounts).syscalls());
        all.addAll(new FdCalls(mounts).syscalls());
        this.syscalls = List.copyOf(all);
    }

    @Override
    public String name() {
        return "fs";
    }

    @Override
    public List<Syscall> syscalls() {
        return syscalls;
    }
}
