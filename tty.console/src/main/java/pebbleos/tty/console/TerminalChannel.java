package pebbleos.tty.console;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.console.Console;
import pebbleos.api.fs.FileStat;
import pebbleos.api.process.Channel;

/**
 * One stream of the console as a channel: standard input (read a cooked line
 * at a time on a terminal), standard output and error, or {@code /dev/tty}
 * (both). {@link #console()} lets the kernel read lines with editing and
 * history, and {@code fd_isatty} report a terminal.
 */
final class TerminalChannel implements Channel {
    private final JLineConsole console;
    private final int stream;

    TerminalChannel(JLineConsole console, int stream) {
        this.console = console;
        this.stream = stream;
    }

    @Override
    public int read(byte[] buffer, int offset, int len) {
        if (stream == Console.STDOUT || stream == Console.STDERR) {
            throw new PebbleException(Errno.BADF, describe() + " is not readable");
        }
        return console.readInput(buffer, offset, len);
    }

    @Override
    public void write(byte[] buffer, int offset, int len) {
        if (stream == Console.STDIN) {
            throw new PebbleException(Errno.BADF, describe() + " is not writable");
        }
        console.writeStream(stream == Console.STDERR, buffer, offset, len);
    }

    @Override
    public void flush() {
        console.flush();
    }

    @Override
    public FileStat stat() {
        long now = System.currentTimeMillis();
        return new FileStat(describe(), FileStat.DEVICE, 0, now, now);
    }

    @Override
    public boolean isTerminal() {
        return console.isTerminal();
    }

    @Override
    public Console console() {
        return console;
    }

    @Override
    public String describe() {
        return switch (stream) {
            case Console.STDIN -> "/dev/stdin";
            case Console.STDOUT -> "/dev/stdout";
            case Console.STDERR -> "/dev/stderr";
            default -> "/dev/tty";
        };
    }

    @Override
    public void close() {
        // the device stays open for the other channels
    }
}
