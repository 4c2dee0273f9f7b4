package pebbleos.api.process;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.fs.FileStat;

/**
 * An open file description: what a file descriptor points at (a file, a pipe
 * end, a terminal, {@code /dev/null}). Several descriptors, also in several
 * processes, may share one channel through {@link OpenFile}; the channel is
 * closed when the last of them is.
 *
 * <p>Reads and writes block as the device requires; a blocked call returns
 * early with {@link Terminated} when a signal ends the caller.
 */
public interface Channel {
    /** Whence values of {@link #seek}. */
    int SEEK_SET = 0;
    int SEEK_CUR = 1;
    int SEEK_END = 2;

    /** Read up to {@code len} bytes; -1 at end of input. */
    int read(byte[] buffer, int offset, int len);

    /** Write all {@code len} bytes, blocking while the device is full. */
    void write(byte[] buffer, int offset, int len);

    /**
     * Write some of the {@code len} bytes, waiting only until the first can be
     * written, and return how many were. A channel whose waits are
     * {@link #interruptible()} overrides it so that a signal can end the wait
     * without losing or repeating what was already written.
     */
    default int writeSome(byte[] buffer, int offset, int len) {
        write(buffer, offset, len);
        return len;
    }

    /**
     * True when reads and writes may wait for another party (a pipe's other
     * end) and such a wait ends early, with {@link pebbleos.api.Errno#INTR},
     * when the Java thread is interrupted: the kernel interrupts it for a
     * signal. False for files (an interrupt would close a file channel under
     * the thread) and terminals.
     */
    default boolean interruptible() {
        return false;
    }

    /** Move the position; pipes and terminals refuse with ESPIPE. */
    default long seek(long offset, int whence) {
        throw new PebbleException(Errno.SPIPE, "illegal seek on " + describe());
    }

    /** Cut a file to {@code size} bytes or extend it with zero bytes; pipes and terminals refuse with EINVAL (ftruncate). */
    default void truncate(long size) {
        throw new PebbleException(Errno.INVAL, "cannot change the size of " + describe());
    }

    /** Facts about what the channel is open on. */
    FileStat stat();

    /** True for a terminal: {@code input()} edits lines there and key reads work. */
    default boolean isTerminal() {
        return false;
    }

    /**
     * The console behind a terminal channel (for cooked line input with
     * editing and history), or {@code null} for other channels.
     */
    default pebbleos.api.console.Console console() {
        return null;
    }

    /** Push buffered output out; a no-op for unbuffered channels. */
    default void flush() {
    }

    /** What the channel is open on, for listings: a path, {@code pipe:[7]}, {@code /dev/tty}. */
    String describe();

    /** Called once, when the last descriptor on this channel is closed. */
    void close();
}
