package pebbleos.fs.hostfs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

import pebbleos.api.fs.FileHandle;

/** An open host file: positional reads and writes on a {@link FileChannel}, safe for concurrent use. */
final class HostHandle implements FileHandle {
    private final FileChannel channel;
    private final String path;

    HostHandle(FileChannel channel, String path) {
        this.channel = channel;
        this.path = path;
    }

    @Override
    public int read(long position, byte[] buffer, int offset, int len) {
        try {
            if (len == 0) {
                return 0;
            }
            return channel.read(ByteBuffer.wrap(buffer, offset, len), position);
        } catch (IOException e) {
            throw HostErrors.map(e, path);
        }
    }

    @Override
    public void write(long position, byte[] buffer, int offset, int len) {
        try {
            ByteBuffer b = ByteBuffer.wrap(buffer, offset, len);
            long at = position;
            while (b.hasRemaining()) {
                at += channel.write(b, at);
            }
        } catch (IOException e) {
            throw HostErrors.map(e, path);
        }
    }

    @Override
    public long size() {
        try {
            return channel.size();
        } catch (IOException e) {
            throw HostErrors.map(e, path);
        }
    }

    @Override
    public void truncate(long size) {
        try {
            if (size < channel.size()) {
                channel.truncate(size);
            } else if (size > channel.size()) {
                channel.write(ByteBuffer.wrap(new byte[1]), size - 1);
            }
        } catch (IOException e) {
            throw HostErrors.map(e, path);
        }
    }

    @Override
    public void force() {
        try {
            channel.force(false);
        } catch (IOException e) {
            throw HostErrors.map(e, path);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw HostErrors.map(e, path);
        }
    }
}
