package pebbleos.kernel.fs.syscall;

import java.nio.charset.StandardCharsets;

import pebbleos.api.process.TaskContext;
import pebbleos.api.syscall.Args;
import pebbleos.api.syscall.Syscall;
import pebbleos.api.syscall.SyscallHandler;
import pebbleos.kernel.fs.PathResolver;

/**
 * What the {@code fs} and {@code fd} calls share: resolving a path argument
 * against the caller's working directory, UTF-8 text, and the one error
 * format, {@code <syscall>: <reason>: <path>}.
 */
final class Calls {
    private Calls() {
    }

    /** A syscall whose failures carry its name in front of the message. */
    static Syscall named(String name, String params, String doc, SyscallHandler handler) {
        return Syscall.named(name, params, doc, handler);
    }

    /** Argument {@code i} as an absolute normalized path of the namespace. */
    static String path(TaskContext caller, Args args, int i) {
        return PathResolver.resolve(cwd(caller), args.string(i));
    }

    static String cwd(TaskContext caller) {
        String cwd = caller.process().cwd();
        return cwd == null || cwd.isEmpty() || cwd.charAt(0) != '/' ? "/" : cwd;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static long bool(boolean b) {
        return b ? 1L : 0L;
    }
}
