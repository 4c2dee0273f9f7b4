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
        byte[] buffer = Scratch.buffer();
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

    /**
     * {@code head}, then all of {@code file} (a channel that never blocks), to
     * {@code to}: one write when both fit in one buffer. Returns the file's bytes.
     */
    static long send(TaskContext caller, byte[] head, Channel file, Channel to) {
        byte[] buffer = Scratch.buffer();
        int start = 0;
        if (head.length > 0 && head.length < buffer.length / 2) {
            System.arraycopy(head, 0, buffer, 0, head.length);
            start = head.length;
        } else if (head.length > 0) {
            write(caller, to, head, head.length);
        }
        long total = 0;
        int filled = start;
        while (true) {
            int n = file.read(buffer, filled, buffer.length - filled);
            if (n > 0) {
                filled += n;
                total += n;
            }
            if (n <= 0 || filled == buffer.length) {
                if (filled > 0) {
                    write(caller, to, buffer, filled);
                }
                filled = 0;
                if (n <= 0) {
                    return total;
                }
            }
        }
    }

    private static void write(TaskContext caller, Channel to, byte[] bytes, int length) {
        if (blockingWrite(to)) {
            caller.blocking("blocked-output", () -> {
                to.write(bytes, 0, length);
                return null;
            });
        } else {
            to.write(bytes, 0, length);
        }
    }

    private static boolean blockingWrite(Channel channel) {
        String kind = channel.stat().kind();
        return pebbleos.api.fs.FileStat.PIPE.equals(kind) || pebbleos.api.fs.FileStat.SOCKET.equals(kind);
    }
}
