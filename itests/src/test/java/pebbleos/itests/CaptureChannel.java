package pebbleos.itests;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import pebbleos.api.fs.FileStat;
import pebbleos.api.process.Channel;

/** A descriptor target that keeps what is written, for the standard descriptors of a {@link TestCaller}. */
final class CaptureChannel implements Channel {
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final String name;

    CaptureChannel(String name) {
        this.name = name;
    }

    synchronized String text() {
        return written.toString(StandardCharsets.UTF_8);
    }

    @Override
    public int read(byte[] buffer, int offset, int len) {
        return -1;
    }

    @Override
    public synchronized void write(byte[] buffer, int offset, int len) {
        written.write(buffer, offset, len);
    }

    @Override
    public FileStat stat() {
        return new FileStat(name, FileStat.PIPE, 0, 0, 0);
    }

    @Override
    public String describe() {
        return name;
    }

    @Override
    public void close() {
    }
}
