package pebbleos.api;

/**
 * A Pebble-visible failure: what a syscall, a service or the language runtime
 * raises when something goes wrong. Engines turn it into a Pebble error that
 * {@code try/except} can catch and that prints as {@code FILE:LINE: message};
 * it never reaches the user as a Java stack trace.
 *
 * <p>Stackless on purpose: errors are part of normal control flow in Pebble
 * programs, and filling in a Java stack trace would make them slow.
 */
public class PebbleException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Errno errno;

    /** A failure with an errno; the message is what the user reads. */
    public PebbleException(Errno errno, String message) {
        super(message, null, false, false);
        this.errno = errno;
    }

    /** A language-level failure without an errno (EINVAL is reported to syscalls). */
    public PebbleException(String message) {
        this(null, message);
    }

    /** The errno, or {@code null} for language errors. */
    public Errno errno() {
        return errno;
    }

    /** The errno number, {@link Errno#INVAL} for language errors. */
    public int errnoCode() {
        return errno == null ? Errno.INVAL.code() : errno.code();
    }

    public static PebbleException of(Errno errno, String format, Object... args) {
        return new PebbleException(errno, args.length == 0 ? format : String.format(format, args));
    }
}
