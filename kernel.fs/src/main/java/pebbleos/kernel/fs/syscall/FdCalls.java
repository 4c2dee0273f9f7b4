package pebbleos.kernel.fs.syscall;

import static pebbleos.kernel.fs.syscall.Calls.bool;
import static pebbleos.kernel.fs.syscall.Calls.named;
import static pebbleos.kernel.fs.syscall.Calls.path;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.fs.FileStat;
import pebbleos.api.process.Channel;
import pebbleos.api.process.OpenFile;
import pebbleos.api.process.TaskContext;
import pebbleos.api.syscall.Args;
import pebbleos.api.syscall.Dispatch;
import pebbleos.api.syscall.Syscall;
import pebbleos.api.value.PDict;
import pebbleos.api.value.PList;
import pebbleos.kernel.fs.MountTable;
import pebbleos.kernel.fs.fd.OpenMode;

/**
 * The descriptor calls of the {@code fs} family, on the caller's
 * {@link pebbleos.api.process.FdTable}: open a path (file or device), read,
 * read a line, write, seek, stat, duplicate and close.
 */
final class FdCalls implements Dispatch.Table {
    // the syscalls by number, answered by call(): one class, not one spun per lambda (Dispatch)
    private static final int OPEN = 0;
    private static final int READ = 1;
    private static final int READ_BYTES = 2;
    private static final int WRITE_BYTES = 3;
    private static final int READLINE = 4;
    private static final int WRITE = 5;
    private static final int CLOSE = 6;
    private static final int STAT = 7;
    private static final int SEEK = 8;
    private static final int READDIR = 9;
    private static final int DUP = 10;
    private static final int DUP2 = 11;
    private static final int ISATTY = 12;
    private static final int LIST = 13;
    private static final int COPY = 14;
    private static final int SENDFILE = 15;
    private static final int TRUNCATE = 16;

    private final MountTable mounts;

    FdCalls(MountTable mounts) {
        this.mounts = mounts;
    }

    List<Syscall> syscalls() {
        return List.of(
                named("fd_open", "path[, mode]", "open a file or device; mode r, w, a, r+, w+, a+ (default r); returns the descriptor", new Dispatch(this, OPEN)),
                named("fd_read", "fd[, nbytes]", "read text: up to nbytes (whole characters), or the rest of a file; \"\" at end of input", new Dispatch(this, READ)),
                named("fd_read_bytes", "fd[, nbytes]",
                        "read bytes as they are: up to nbytes, or the rest of a file, as a string of characters 0-255 (one per byte); \"\" at end of input",
                        new Dispatch(this, READ_BYTES)),
                named("fd_write_bytes", "fd, bytes", "write a string of characters 0-255 as one byte each; returns the bytes written",
                        new Dispatch(this, WRITE_BYTES)),
                named("fd_readline", "fd", "the next line with its \"\\n\"; \"\" at end of input", new Dispatch(this, READLINE)),
                named("fd_write", "fd, text", "write text (UTF-8); returns the bytes written", new Dispatch(this, WRITE)),
                named("fd_close", "fd", "close a descriptor", new Dispatch(this, CLOSE)),
                named("fd_stat", "fd", "facts about a descriptor: dict path, kind, size, mode", new Dispatch(this, STAT)),
                named("fd_seek", "fd, offset[, whence]", "move the position (whence 0 start, 1 current, 2 end); returns it", new Dispatch(this, SEEK)),
                named("fd_truncate", "fd, size", "cut a file open for writing to size bytes, or extend it with zero bytes; returns 0",
                        new Dispatch(this, TRUNCATE)),
                named("fd_readdir", "path", "the names in a directory, sorted", new Dispatch(this, READDIR)),
                named("fd_dup", "fd", "a new descriptor on the same open file", new Dispatch(this, DUP)),
                named("fd_dup2", "fd, target", "make target a copy of fd (closing what target was); returns target", new Dispatch(this, DUP2)),
                named("fd_isatty", "fd", "1 when the descriptor is a terminal, else 0", new Dispatch(this, ISATTY)),
                named("fd_list", "", "the open descriptors: dict fd -> what it is open on", new Dispatch(this, LIST)),
                named("fd_copy", "from_fd, to_fd[, nbytes]",
                        "copy bytes as they are (no text decoding) from one descriptor to another: up to nbytes, "
                                + "or to the end of input; returns the bytes copied (0 at end of input)", new Dispatch(this, COPY)),
                named("fd_sendfile", "fd, path[, head]",
                        "write head (text), then the bytes of the file at path as they are, to a descriptor "
                                + "(sendfile; a server's header and body in one write when they fit); returns the file's bytes",
                        new Dispatch(this, SENDFILE)));
    }

    @Override
    public Object call(int id, TaskContext c, Object[] a) {
        return switch (id) {
            case OPEN -> open(c, a);
            case READ -> read(c, a);
            case READ_BYTES -> readBytes(c, a);
            case WRITE_BYTES -> writeBytes(c, a);
            case READLINE -> readLine(c, a);
            case WRITE -> write(c, a);
            case CLOSE -> close(c, a);
            case STAT -> stat(c, a);
            case SEEK -> seek(c, a);
            case READDIR -> readdir(c, a);
            case DUP -> dup(c, a);
            case DUP2 -> dup2(c, a);
            case ISATTY -> isatty(c, a);
            case LIST -> list(c, a);
            case COPY -> copy(c, a);
            case SENDFILE -> sendFile(c, a);
            case TRUNCATE -> truncate(c, a);
            default -> throw new IllegalArgumentException("fd: no syscall " + id);
        };
    }

    private Object open(TaskContext c, Object[] a) {
        Args args = Args.of("fd_open", a, 1, 2);
        String p = path(c, args, 0);
        OpenMode mode = OpenMode.parse(args.string(1, "r"));
        OpenFile file = mounts.access().open(c, p, mode);
        return (long) c.fds().install(file);
    }

    private Object read(TaskContext c, Object[] a) {
        Args args = Args.of("fd_read", a, 1, 2);
        OpenFile file = readable(c, args.intValue(0));
        int count = args.intValue(1, -1);
        if (count == 0) {
            return "";
        }
        return Calls.text(ChannelReads.read(c, file.channel(), count));
    }

    private Object readBytes(TaskContext c, Object[] a) {
        Args args = Args.of("fd_read_bytes", a, 1, 2);
        OpenFile file = readable(c, args.intValue(0));
        int count = args.intValue(1, -1);
        if (count == 0) {
            return "";
        }
        return new String(ChannelReads.readBytes(c, file.channel(), count), StandardCharsets.ISO_8859_1);
    }

    private Object writeBytes(TaskContext c, Object[] a) {
        Args args = Args.of("fd_write_bytes", a, 2, 2);
        String data = args.string(1);
        byte[] bytes = new byte[data.length()];
        for (int i = 0; i < bytes.length; i++) {
            char ch = data.charAt(i);
            if (ch > 0xFF) {
                throw new PebbleException(Errno.INVAL, "fd_write_bytes: character " + i + " is not a byte (0-255)");
            }
            bytes[i] = (byte) ch;
        }
        return writeOut(c, args.intValue(0), bytes);
    }

    private Object readLine(TaskContext c, Object[] a) {
        Args args = Args.of("fd_readline", a, 1, 1);
        return Calls.text(ChannelReads.readLine(c, readable(c, args.intValue(0)).channel()));
    }

    private Object write(TaskContext c, Object[] a) {
        Args args = Args.of("fd_write", a, 2, 2);
        return writeOut(c, args.intValue(0), Calls.utf8(args.string(1)));
    }

    private Object writeOut(TaskContext c, int fd, byte[] bytes) {
        OpenFile file = c.fds().get(fd);
        if (!file.writable()) {
            throw new PebbleException(Errno.BADF, "descriptor " + fd + " is not open for writing");
        }
        c.flush(); // what print buffered goes first: output keeps the program's order
        c.write(file.channel(), bytes); // a wait on a pipe is interruptible; a broken pipe is SIGPIPE
        return (long) bytes.length;
    }

    private Object copy(TaskContext c, Object[] a) {
        Args args = Args.of("fd_copy", a, 2, 3);
        OpenFile from = readable(c, args.intValue(0));
        int to = args.intValue(1);
        OpenFile target = c.fds().get(to);
        if (!target.writable()) {
            throw new PebbleException(Errno.BADF, "descriptor " + to + " is not open for writing");
        }
        long limit = args.has(2) ? Math.max(0, args.integer(2)) : Long.MAX_VALUE;
        c.flush();
        return ChannelCopy.copy(c, from.channel(), target.channel(), limit);
    }

    private Object sendFile(TaskContext c, Object[] a) {
        Args args = Args.of("fd_sendfile", a, 2, 3);
        byte[] head = args.has(2) ? Calls.utf8(args.string(2)) : new byte[0];
        int to = args.intValue(0);
        OpenFile target = c.fds().get(to);
        if (!target.writable()) {
            throw new PebbleException(Errno.BADF, "descriptor " + to + " is not open for writing");
        }
        OpenFile file = mounts.access().open(c, path(c, args, 1), OpenMode.parse("r")); // read permission, as fd_open
        try {
            c.flush();
            return ChannelCopy.send(c, head, file.channel(), target.channel());
        } finally {
            file.release();
        }
    }

    private Object close(TaskContext c, Object[] a) {
        c.fds().close(Args.of("fd_close", a, 1, 1).intValue(0));
        return 0L;
    }

    private Object stat(TaskContext c, Object[] a) {
        OpenFile file = c.fds().get(Args.of("fd_stat", a, 1, 1).intValue(0));
        FileStat s = file.channel().stat();
        return PDict.of("path", file.channel().describe(), "kind", s.kind(), "size", s.size(),
                "mode", OpenMode.describe(file.mode()));
    }

    private Object seek(TaskContext c, Object[] a) {
        Args args = Args.of("fd_seek", a, 2, 3);
        OpenFile file = c.fds().get(args.intValue(0));
        return file.channel().seek(args.integer(1), args.intValue(2, Channel.SEEK_SET));
    }

    private Object truncate(TaskContext c, Object[] a) {
        Args args = Args.of("fd_truncate", a, 2, 2);
        OpenFile file = c.fds().get(args.intValue(0));
        long size = args.integer(1);
        if (!file.writable()) {
            throw new PebbleException(Errno.INVAL, "fd_truncate: descriptor " + args.intValue(0) + " is not open for writing");
        }
        if (size < 0) {
            throw new PebbleException(Errno.INVAL, "fd_truncate: negative size " + size);
        }
        file.channel().truncate(size);
        return 0L;
    }

    private Object readdir(TaskContext c, Object[] a) {
        String p = path(c, Args.of("fd_readdir", a, 1, 1), 0);
        PList out = new PList();
        for (FileStat s : mounts.access().list(c.process().credentials(), p)) {
            out.append(s.name());
        }
        return out;
    }

    private Object dup(TaskContext c, Object[] a) {
        return (long) c.fds().dup(Args.of("fd_dup", a, 1, 1).intValue(0));
    }

    private Object dup2(TaskContext c, Object[] a) {
        Args args = Args.of("fd_dup2", a, 2, 2);
        int target = args.intValue(1);
        c.fds().dup2(args.intValue(0), target);
        return (long) target;
    }

    private Object isatty(TaskContext c, Object[] a) {
        return bool(c.fds().get(Args.of("fd_isatty", a, 1, 1).intValue(0)).channel().isTerminal());
    }

    private Object list(TaskContext c, Object[] a) {
        Args.of("fd_list", a, 0, 0);
        PDict out = new PDict();
        for (Map.Entry<Integer, String> e : c.fds().describe().entrySet()) {
            out.put((long) e.getKey(), e.getValue());
        }
        return out;
    }

    private static OpenFile readable(TaskContext c, int fd) {
        OpenFile file = c.fds().get(fd);
        if (!file.readable()) {
            throw new PebbleException(Errno.BADF, "descriptor " + fd + " is not open for reading");
        }
        return file;
    }
}
