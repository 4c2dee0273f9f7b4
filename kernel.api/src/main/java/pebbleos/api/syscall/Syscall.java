package pebbleos.api.syscall;

import java.util.Objects;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.process.TaskContext;

/**
 * One entry of a family: its Pebble-visible name (flat and unique across
 * families, e.g. {@code fd_open}), a parameter summary, a one-line description
 * for {@code syscall_table()} and the docs, and the handler.
 */
public final class Syscall {
    private final String name;
    private final String params;
    private final String doc;
    private final SyscallHandler handler;

    public Syscall(String name, String params, String doc, SyscallHandler handler) {
        this.name = Objects.requireNonNull(name);
        this.params = params == null ? "" : params;
        this.doc = doc == null ? "" : doc;
        this.handler = Objects.requireNonNull(handler);
    }

    public String name() {
        return name;
    }

    public String params() {
        return params;
    }

    public String doc() {
        return doc;
    }

    public SyscallHandler handler() {
        return handler;
    }

    @Override
    public String toString() {
        return name + "(" + params + ")";
    }

    /** A syscall whose failures carry its name in front of the message ({@code name: reason}), unless they already do. */
    public static Syscall named(String name, String params, String doc, SyscallHandler handler) {
        return new Syscall(name, params, doc, new Prefixed(name, handler));
    }

    /** The handler {@link #named} makes (a class, not a lambda spun at every boot: see {@link Dispatch}). */
    private record Prefixed(String name, SyscallHandler handler) implements SyscallHandler {
        @Override
        public Object call(TaskContext caller, Object[] args) {
            try {
                return handler.call(caller, args);
            } catch (PebbleException e) {
                String message = e.getMessage();
                if (message != null && message.startsWith(name + ":")) {
                    throw e;
                }
                throw new PebbleException(e.errno() == null ? Errno.INVAL : e.errno(), name + ": " + message);
            }
        }
    }
}
