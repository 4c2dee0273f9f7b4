package pebbleos.api.syscall;

import java.util.Objects;

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
}
