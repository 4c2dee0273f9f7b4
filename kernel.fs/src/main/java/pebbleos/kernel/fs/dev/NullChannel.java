package pebbleos.kernel.fs.dev;

import pebbleos.api.fs.FileStat;
import pebbleos.api.process.Channel;

/** {@code /dev/null}: reads are at end of input at once, writes vanish. */
public final class NullChannel implements Channel {
    @Override
    public int read(byte[] buffer, int offset, int len) {
        return -1;
    }

    @Override
    public void write(byte[] buffer, int offset, int len) {
    }

    @Override
    public long seek(long offset, int whence) {
        return 0;
    }

    @Override
    public FileStat stat() {
        long now = System.currentTimeMillis();
        return new FileStat("null", FileStat.DEVICE, 0, now, now);
    }

    @Override
    public String describe() {
        return "/dev/null";
    }

    @Override
    public void close() {
    }
}
