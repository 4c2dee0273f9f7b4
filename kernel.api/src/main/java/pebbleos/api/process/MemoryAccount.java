package pebbleos.api.process;

/**
 * The memory account of one process: what its Pebble values hold, charged
 * where lists, dicts, strings and instances grow and given back when the
 * values are collected. The kernel binds the account of a process to each of
 * its Java threads ({@link #enter}); the value model charges through
 * {@link #current()} (see {@link pebbleos.api.value.Footprint} for what is
 * charged and how it is estimated). Code running outside a Pebble process
 * (the kernel, tests) has no account and is never charged.
 *
 * <p>{@link #hold} throws the process's {@code MemoryError} (a
 * {@link pebbleos.api.PebbleException} with NOMEM, catchable by the program)
 * when the charge would take the process past its memory limit; the value
 * being built is then not kept.
 */
public abstract class MemoryAccount {
    private static final ThreadLocal<MemoryAccount> CURRENT = new ThreadLocal<>();

    /** The account of the process running on this Java thread, or {@code null}. */
    public static MemoryAccount current() {
        return CURRENT.get();
    }

    /** Bind {@code account} to the calling Java thread ({@code null} unbinds); for the kernel. */
    public static void enter(MemoryAccount account) {
        if (account == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(account);
        }
    }

    /**
     * Charge {@code bytes} that {@code referent} holds until it is collected.
     * Throws the process's MemoryError, without charging, when that would
     * exceed its limit.
     */
    public abstract void hold(Object referent, long bytes);

    /**
     * {@code referent} no longer holds its memory although it may not be
     * collected yet (a list's element array just replaced by a bigger one):
     * its charge comes back now.
     */
    public abstract void release(Object referent);

    /** The bytes held now (what has been collected is given back first). */
    public abstract long held();
}
