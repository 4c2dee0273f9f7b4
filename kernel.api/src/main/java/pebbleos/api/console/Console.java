package pebbleos.api.console;

import org.osgi.annotation.versioning.ConsumerType;

import pebbleos.api.process.Channel;
import pebbleos.api.process.TaskContext;

/**
 * The console device. {@code tty.console} provides it on JLine (a real
 * terminal when there is one); the kernel's plain-stream console, ranked
 * lower, serves images without JLine. The highest-ranked one wins.
 *
 * <p>Line input is cooked (editing, history) on a terminal; key input is raw
 * and held raw while the foreground process keeps reading keys. Without a
 * terminal, key reads report end of input instead of blocking.
 */
@ConsumerType
public interface Console {
    /** Service property naming the console kind ({@code jline}, {@code stream}). */
    String KIND = "pebble.console";

    /** Which stream of {@link #channel}: standard input. */
    int STDIN = 0;
    /** Standard output. */
    int STDOUT = 1;
    /** Standard error. */
    int STDERR = 2;
    /** The terminal itself ({@code /dev/tty}), read and write. */
    int TTY = 3;

    /** True when input and output are an interactive terminal. */
    boolean isTerminal();

    /** A channel on one of the console's streams; each call gives a new channel on the same device. */
    Channel channel(int stream);

    /**
     * Read one line, cooked: with line editing and history on a terminal.
     * The prompt is shown first. Returns the line without its newline, or
     * {@code null} at end of input.
     */
    String readLine(String prompt);

    /**
     * Read one line, cooked, on behalf of {@code reader} (the kernel passes
     * the thread that called {@code input()}). A terminal console uses the
     * reader's context for what depends on the process: its line options
     * (history, completion words), its working directory and {@code PATH}
     * for tab completion. Consoles without such features read as
     * {@link #readLine(String)} does.
     *
     * @since 1.1
     */
    default String readLine(String prompt, TaskContext reader) {
        return readLine(prompt);
    }

    /**
     * Read one key, raw. Returns the key's name ({@code "a"}, {@code "ENTER"},
     * {@code "UP"}, {@code "^C"}, {@code "F1"} ...), {@code ""} when
     * {@code timeoutMillis} (>= 0) passes first, {@code null} at end of input.
     * A negative timeout waits without limit.
     */
    String readKey(long timeoutMillis);

    /** Terminal rows (24 when unknown). */
    int rows();

    /** Terminal columns (80 when unknown). */
    int cols();

    /** {@code cooked} or {@code raw}. */
    String mode();

    /** Write text straight to the terminal (escape sequences pass through). */
    void write(String text);

    void flush();
}
