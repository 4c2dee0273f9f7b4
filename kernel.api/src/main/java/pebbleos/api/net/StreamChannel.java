package pebbleos.api.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.fs.FileStat;
import pebbleos.api.process.Channel;

/**
 * A read-only open file description over a stream that arrives from the
 * network, such as the body of an HTTP response, so that a program reads it
 * in pieces (a download with a progress bar, a body larger than memory) with
 * the ordinary descriptor calls. A signal ends a waiting read with EINTR.
 */
public final class StreamChannel implements Channel {
    private final InputStream in;
    private final String name;
    private final long opened = System.currentTimeMillis();

    public StreamChannel(InputStream in, String name) {
        this.in = in;
        this.name = name;
    }

    @Override
    public int read(byte[] buffer, int offset, int len) {
        try {
            return in.read(buffer, offset, len);
        } catch (InterruptedIOException e) {
            throw new PebbleException(Errno.INTR, "interrupted");
        } catch (IOException e) {
            if (Thread.interrupted() || e.getCause() instanceof InterruptedException) {
                throw new PebbleException(Errno.INTR, "interrupted");
            }
            throw NetErrors.of(e, name);
        }
    }

    @Override
    public void write(byte[] buffer, int offset, int len) {
        throw new PebbleException(Errno.BADF, "not open for writing: " + name);
    }

    @Override
    public FileStat stat() {
        return new FileStat(name, FileStat.SOCKET, 0, opened, opened);
    }

    @Override
    public String describe() {
        return name;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            // the response is abandoned either way
        }
    }
}
