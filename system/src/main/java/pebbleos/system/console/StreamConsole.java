package pebbleos.system.console;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Component;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.console.Console;
import pebbleos.api.fs.FileStat;
import pebbleos.api.process.Channel;

/**
 * The plain console: the JVM's standard streams, no terminal control. It
 * serves images without {@code tty.console} (no JLine) and is ranked below it.
 * It is a terminal when the host's standard input and output are one, so
 * that the shell is interactive there (prompt, intro, job messages).
 * Line input is whatever the host terminal or pipe delivers; key reads report
 * end of input instead of blocking, so every program still runs without a
 * terminal.
 */
@Component(service = Console.class, property = {Console.KIND + "=stream", Constants.SERVICE_RANKING + ":Integer=-100"})
public final class StreamConsole implements Console {
    private static final InputStream IN = new FileInputStream(FileDescriptor.in);
    private static final OutputStream OUT = new FileOutputStream(FileDescriptor.out);
    private static final OutputStream ERR = new FileOutputStream(FileDescriptor.err);
    private static final Object READ_LOCK = new Object();
    /** The host's standard input and output are a terminal (a person at the keyboard, not a pipe). */
    private static final boolean HOST_TERMINAL = hostTerminal();

    /**
     * {@code System.console()} is there only for a terminal up to Java 21;
     * from Java 22 it may be there anyway and {@code Console.isTerminal()} tells.
     */
    static boolean hostTerminal() {
        java.io.Console c = System.console();
        if (c == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(c);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return true;
        }
    }

    @Override
    public boolean isTerminal() {
        return HOST_TERMINAL;
    }

    @Override
    public Channel channel(int stream) {
        return new StreamChannel(stream);
    }

    @Override
    public String readLine(String prompt) {
        write(prompt);
        return readLineFromInput();
    }

    static String readLineFromInput() {
        synchronized (READ_LOCK) {
            try {
                java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
                while (true) {
                    int b = IN.read();
                    if (b < 0) {
                        return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
                    }
                    if (b == '\n') {
                        String s = line.toString(StandardCharsets.UTF_8);
                        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
                    }
                    line.write(b);
                }
            } catch (IOException e) {
                return null;
            }
        }
    }

    @Override
    public String readKey(long timeoutMillis) {
        return null;
    }

    @Override
    public int rows() {
        return size("LINES", 24);
    }

    @Override
    public int cols() {
        return size("COLUMNS", 80);
    }

    private static int size(String variable, int fallback) {
        try {
            String v = System.getenv(variable);
            return v == null ? fallback : Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    @Override
    public String mode() {
        return "cooked";
    }

    @Override
    public void write(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        try {
            OUT.write(b);
            OUT.flush();
        } catch (IOException e) {
            // the host closed standard output: nothing to do
        }
    }

    @Override
    public void flush() {
        try {
            OUT.flush();
        } catch (IOException e) {
            // ignored: see write
        }
    }

    /** One of the standard streams as a channel. */
    private final class StreamChannel implements Channel {
        private final int stream;

        StreamChannel(int stream) {
            this.stream = stream;
        }

        @Override
        public int read(byte[] buffer, int offset, int len) {
            if (stream == STDOUT || stream == STDERR) {
                throw new PebbleException(Errno.BADF, "standard output is not readable");
            }
            synchronized (READ_LOCK) {
                try {
                    return IN.read(buffer, offset, len);
                } catch (IOException e) {
                    throw new PebbleException(Errno.IO, "standard input: " + e.getMessage());
                }
            }
        }

        @Override
        public void write(byte[] buffer, int offset, int len) {
            if (stream == STDIN) {
                throw new PebbleException(Errno.BADF, "standard input is not writable");
            }
            OutputStream out = stream == STDERR ? ERR : OUT;
            try {
                out.write(buffer, offset, len);
            } catch (IOException e) {
                throw new PebbleException(Errno.PIPE, "standard output closed: " + e.getMessage());
            }
        }

        @Override
        public void flush() {
            try {
                (stream == STDERR ? ERR : OUT).flush();
            } catch (IOException e) {
                // ignored
            }
        }

        @Override
        public FileStat stat() {
            return new FileStat(describe(), FileStat.DEVICE, 0, System.currentTimeMillis(), 0);
        }

        @Override
        public boolean isTerminal() {
            return HOST_TERMINAL;
        }

        @Override
        public Console console() {
            return HOST_TERMINAL ? StreamConsole.this : null;
        }

        @Override
        public String describe() {
            return switch (stream) {
                case STDIN -> "/dev/stdin";
                case STDOUT -> "/dev/stdout";
                case STDERR -> "/dev/stderr";
                default -> "/dev/tty";
            };
        }

        @Override
        public void close() {
            // the JVM's streams stay open for the other channels
        }
    }
}
