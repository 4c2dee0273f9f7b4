package pebbleos.kernel.fs.syscall;

import pebbleos.api.process.Channel;
import pebbleos.api.process.TaskContext;

/**
 * {@code fd_copy}: bytes from one channel to another as they are, never
 * decoded as text, so binary content (an image a server sends, a download)
 * arrives intact. A read that may block (a pipe, a socket, a terminal) waits
 * as {@code blocked-input} and a write to a pipe or socket as
 * {@code blocked-output}; each returns early on a signal, as the fd calls do.
 */
final class ChannelCopy {
    static final int CHUNK = 64 * 1024;

    private ChannelCopy() {
    }

    /**
     * Copy to the end of input ({@code limit} {@link Long#MAX_VALUE}), or up to
     * {@code limit} bytes: all of them from a file, what one read brings from
     * a stream (waiting only while nothing has arrived).
     */
    static long copy(TaskContext caller, Channel from, Channel to, long limit) {
        boolean blockingRead = !ChannelReads.regular(from);
        boolean blockingWrite = blockingWrite(to);
        byte[] buffer = new byte[(int) Math.min(CHUNK, Math.max(1, limit))];
        long total = 0;
        while (total < limit) {
            int want = (int) Math.min(buffer.length, limit - total);
            int n = blockingRead ? caller.blocking("blocked-input", () -> from.read(buffer, 0, want))
                    : from.read(buffer, 0, want);
            if (n <= 0) {
                break;
            }
            if (blockingWrite) {
                caller.blocking("blocked-output", () -> {
                    to.write(buffer, 0, n);
                    return null;
                });
            } else {
                to.write(buffer, 0, n);
            }
            total += n;
            if (blockingRead && limit != Long.MAX_VALUE) {
                break; // with a count, a stream gives what one read brings, as fd_read does
            }
        }
        return total;
    }

    private static boolean blockingWrite(Channel channel) {
        String kind = channel.stat().kind();
        return pebbleos.api.fs.FileStat.PIPE.equals(kind) || pebbleos.api.fs.FileStat.SOCKET.equals(kind);
    }
}
