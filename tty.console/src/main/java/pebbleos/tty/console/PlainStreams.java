package pebbleos.tty.console;

import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;

/**
 * The JVM's standard streams, unbuffered and without terminal control: what
 * the console reads and writes when there is no terminal (pipes, CI). Input
 * is read byte by byte so that nothing is read ahead of what a program asks
 * for: a shell script on standard input and the programs it starts share it.
 */
final class PlainStreams {
    private final InputStream in = new FileInputStream(FileDescriptor.in);
    private final OutputStream out = new FileOutputStream(FileDescriptor.out);
    private final OutputStream err = new FileOutputStream(FileDescriptor.err);
    private final Object readLock = new Object();

    /** One line without its newline (and a CR before it); {@code null} at end of input. */
    String readLine() {
        synchronized (readLock) {
            try {
                ByteArrayOutputStream line = new ByteArrayOutputStream();
                while (true) {
                    int b = in.read();
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

    int read(byte[] buffer, int offset, int len) {
        synchronized (readLock) {
            try {
                return in.read(buffer, offset, len);
            } catch (IOException e) {
                throw new PebbleException(Errno.IO, "standard input: " + e.getMessage());
            }
        }
    }

    void write(boolean toError, byte[] bytes, int offset, int len) {
        OutputStream s = toError ? err : out;
        try {
            s.write(bytes, offset, len);
        } catch (IOException e) {
            throw new PebbleException(Errno.PIPE, (toError ? "standard error" : "standard output")
                    + " closed: " + e.getMessage());
        }
    }

    /** Write text to standard output, ignoring a closed stream (nothing is left to tell). */
    void print(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        try {
            out.write(b);
        } catch (IOException e) {
            // the host closed standard output
        }
    }
}
