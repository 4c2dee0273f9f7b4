package pebbleos.kernel.fs.syscall;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

import pebbleos.api.process.Channel;
import pebbleos.api.process.TaskContext;
import pebbleos.kernel.fs.dev.NullChannel;
import pebbleos.kernel.fs.fd.VolumeFileChannel;

/**
 * Reading text from a descriptor's channel. Reads never end inside a UTF-8
 * sequence: when the bytes asked for stop in the middle of a character, the
 * read goes on until the character is complete (or input ends). Regular files
 * are read directly; devices and pipes may block, so their reads run through
 * {@link TaskContext#blocking} with the state {@code blocked-input}.
 */
final class ChannelReads {
    /** How much one read of a device or pipe asks for when no count is given. */
    static final int DEVICE_CHUNK = Scratch.SIZE - 4;

    private ChannelReads() {
    }

    /** True for channels that never block: regular files and {@code /dev/null}. */
    static boolean regular(Channel channel) {
        return channel instanceof VolumeFileChannel || channel instanceof NullChannel;
    }

    /** Up to {@code count} bytes (all that is left of a file when {@code count < 0}), completed to whole characters. */
    static byte[] read(TaskContext caller, Channel channel, int count) {
        if (channel instanceof VolumeFileChannel file && count < 0) {
            return file.readAll();
        }
        if (regular(channel)) {
            return readSome(channel, count, true, true);
        }
        return caller.blocking("blocked-input", () -> readSome(channel, count < 0 ? DEVICE_CHUNK : count, false, true));
    }

    /** Up to {@code count} bytes (the rest of a file when {@code count < 0}), as they are: no character is completed. */
    static byte[] readBytes(TaskContext caller, Channel channel, int count) {
        if (channel instanceof VolumeFileChannel file && count < 0) {
            return file.readAll();
        }
        if (regular(channel)) {
            return count < 0 ? new byte[0] : readSome(channel, count, true, false);
        }
        return caller.blocking("blocked-input", () -> readSome(channel, count < 0 ? DEVICE_CHUNK : count, false, false));
    }

    /** The next line with its newline; empty at end of input. */
    static byte[] readLine(TaskContext caller, Channel channel) {
        if (channel instanceof VolumeFileChannel file) {
            return file.readLine();
        }
        if (regular(channel)) {
            return new byte[0];
        }
        return caller.blocking("blocked-input", () -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] one = new byte[1];
            while (channel.read(one, 0, 1) > 0) {
                out.write(one[0]);
                if (one[0] == '\n') {
                    break;
                }
            }
            return out.toByteArray();
        });
    }

    private static byte[] readSome(Channel channel, int count, boolean fill, boolean wholeCharacters) {
        byte[] buffer = count <= Scratch.SIZE - 4 ? Scratch.buffer() : new byte[Math.max(count, 4)];
        int got = 0;
        while (got < count) {
            int n = channel.read(buffer, got, count - got);
            if (n <= 0) {
                break;
            }
            got += n;
            if (!fill) {
                break;
            }
        }
        for (int missing = wholeCharacters ? missing(buffer, got) : 0; missing > 0 && got > 0; missing = missing(buffer, got)) {
            if (got + missing > buffer.length) {
                buffer = Arrays.copyOf(buffer, got + 4); // a copy: the scratch buffer stays as it is
            }
            int n = channel.read(buffer, got, missing);
            if (n <= 0) {
                break;
            }
            got += n;
        }
        return Arrays.copyOf(buffer, got);
    }

    /** How many bytes the last UTF-8 sequence of {@code bytes[0..length)} still lacks. */
    static int missing(byte[] bytes, int length) {
        int i = length - 1;
        int continuation = 0;
        while (i >= 0 && continuation < 3 && (bytes[i] & 0xC0) == 0x80) {
            i--;
            continuation++;
        }
        if (i < 0) {
            return 0;
        }
        int lead = bytes[i] & 0xFF;
        int want = lead >= 0xF8 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        return Math.max(0, want - (length - i));
    }
}
