package pebbleos.kernel.auth;

import java.util.List;

import org.osgi.service.component.annotations.Component;

import pebbleos.api.process.TaskContext;
import pebbleos.api.syscall.Args;
import pebbleos.api.syscall.Dispatch;
import pebbleos.api.syscall.Syscall;
import pebbleos.api.syscall.SyscallFamily;
import pebbleos.api.value.PDict;

/**
 * The {@code auth} family: the one thing about passwords that must be Java,
 * the slow salted hash ({@link PasswordHashes}). Everything else (the user
 * database in {@code /etc}, who may read {@code /etc/shadow}, login, su,
 * sudo, passwd) is Pebble policy over the {@code fs} and {@code proc}
 * families. The calls run without the process lock, as blocking work, so
 * the other threads of the caller go on while a hash is computed.
 */
@Component(service = SyscallFamily.class, property = SyscallFamily.FAMILY + "=auth")
public final class AuthFamily implements SyscallFamily, Dispatch.Table {
    // the syscalls by number, answered by call(): one class, not one spun per lambda (Dispatch)
    private static final int HASH = 0;
    private static final int VERIFY = 1;
    private static final int INFO = 2;

    private final PasswordHashes hashes = PasswordHashes.create();

    @Override
    public String name() {
        return "auth";
    }

    @Override
    public List<Syscall> syscalls() {
        return List.of(
                new Syscall("auth_hash", "password",
                        "a new salted hash of password ($pbkdf2-sha256$iterations$salt$hash), for /etc/shadow",
                        new Dispatch(this, HASH)),
                new Syscall("auth_verify", "password, hash",
                        "1 when password matches hash, else 0; a field that is no hash (!, *, \"\") matches nothing and takes as long",
                        new Dispatch(this, VERIFY)),
                new Syscall("auth_info", "", "the hash scheme and its cost: dict scheme, iterations",
                        new Dispatch(this, INFO)));
    }

    @Override
    public Object call(int id, TaskContext c, Object[] a) {
        return switch (id) {
            case HASH -> hash(c, a);
            case VERIFY -> verify(c, a);
            case INFO -> info(a);
            default -> throw new IllegalArgumentException("auth: no syscall " + id);
        };
    }

    private static Object info(Object[] a) {
        Args.of("auth_info", a, 0, 0);
        return PDict.of("scheme", PasswordHashes.SCHEME, "iterations", (long) PasswordHashes.ITERATIONS);
    }

    private Object hash(TaskContext c, Object[] a) {
        String password = Args.of("auth_hash", a, 1, 1).string(0);
        return c.blocking("hashing", () -> hashes.hash(password));
    }

    private static Object verify(TaskContext c, Object[] a) {
        Args args = Args.of("auth_verify", a, 2, 2);
        String password = args.string(0);
        String stored = args.string(1);
        return c.blocking("hashing", () -> PasswordHashes.verify(password, stored) ? 1L : 0L);
    }
}
