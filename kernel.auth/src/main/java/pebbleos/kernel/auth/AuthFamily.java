package pebbleos.kernel.auth;

import java.util.List;

import org.osgi.service.component.annotations.Component;

import pebbleos.api.process.TaskContext;
import pebbleos.api.syscall.Args;
import pebbleos.api.syscall.Syscall;
import pebbleos.api.syscall.SyscallFamily;

/**
 * The {@code auth} family: the one thing about passwords that must be Java,
 * the slow salted hash ({@link PasswordHashes}). Everything else (the user
 * database in {@code /etc}, who may read {@code /etc/shadow}, login, su,
 * sudo, passwd) is Pebble policy over the {@code fs} and {@code proc}
 * families. The calls run without the process lock, as blocking work, so
 * the other threads of the caller go on while a hash is computed.
 */
@Component(service = SyscallFamily.class, property = SyscallFamily.FAMILY + "=auth")
public final class AuthFamily implements SyscallFamily {
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
                        this::hash),
                new Syscall("auth_verify", "password, hash",
                        "1 when password matches hash, else 0; a field that is no hash (!, *, \"\") matches nothing and takes as long",
                        AuthFamily::verify),
                new Syscall("auth_info", "", "the hash scheme and its cost: dict scheme, iterations",
                        (c, a) -> {
                            Args.of("auth_info", a, 0, 0);
                            return pebbleos.api.value.PDict.of("scheme", PasswordHashes.SCHEME,
                                    "iterations", (long) PasswordHashes.ITERATIONS);
                        }));
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
