package pebbleos.kernel.proc;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.fs.FileStat;
import pebbleos.api.process.Channel;

/**
 * A pipe: a bounded byte buffer between a read end and a write end. A reader
 * blocks until there is data or every writer is gone (end of input); a writer
 * blocks while the buffer is full and fails with EPIPE once every reader is
 * gone, which is what ends {@code yes | head -3}. Both waits end when the
 * thread is interrupted (a signal), with EINTR.
 */
final class Pipe {
    static final int CAPACITY = 64 * 1024;

    private final int id;
    private final byte[] buffer = new byte[CAPACITY];
    private int head;
    private int count;
    private boolean readerOpen = true;
    private boolean writerOpen = true;

    Pipe(int id) {
        this.id = id;
    }

    Channel readEnd() {
        return new End(false);
    }

    Channel writeEnd() {
        return new End(true);
    }

    private synchronized int read(byte[] b, int off, int len) {
        try {
            while (count == 0) {
                if (!writerOpen) {
                    return -1;
                }
                wait();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PebbleException(Errno.INTR, "interrupted");
        }
        int n = Math.min(len, count);
        for (int i = 0; i < n; i++) {
            b[off + i] = buffer[(head + i) % CAPACITY];
        }
        head = (head + n) % CAPACITY;
        count -= n;
        notifyAll();
        return n;
    }

    private void write(byte[] b, int off, int len) {
        int done = 0;
        while (done < len) {
            done += writeSome(b, off + done, len - done);
        }
    }

    /**
     * Copy as much as fits, waiting only while the buffer is full; EPIPE once
     * every reader is gone, EINTR when interrupted before a byte was written.
     */
    private synchronized int writeSome(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        try {
            while (readerOpen && count == CAPACITY) {
                wait();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PebbleException(Errno.INTR, "interrupted");
        }
        if (!readerOpen) {
            throw new PebbleException(Errno.PIPE, "broken pipe");
        }
        int n = Math.min(len, CAPACITY - count);
        int tail = (head + count) % CAPACITY;
        for (int i = 0; i < n; i++) {
            buffer[(tail + i) % CAPACITY] = b[off + i];
        }
        count += n;
        notifyAll();
        return n;
    }

    private synchronized void close(boolean writer) {
        if (writer) {
            writerOpen = false;
        } else {
            readerOpen = false;
        }
        notifyAll();
    }

    private synchronized int available() {
        return count;
    }

    /** One end of the pipe as a channel. */
    private final class End implements Channel {
        private final boolean writer;

        End(boolean writer) {
            this.writer = writer;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (writer) {
                throw new PebbleException(Errno.BADF, "pipe write end is not readable");
            }
            return Pipe.this.read(b, off, len);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (!writer) {
                throw new PebbleException(Errno.BADF, "pipe read end is not writable");
            }
            Pipe.this.write(b, off, len);
        }

        @Override
        public int writeSome(byte[] b, int off, int len) {
            if (!writer) {
                throw new PebbleException(Errno.BADF, "pipe read end is not writable");
            }
            return Pipe.this.writeSome(b, off, len);
        }

        @Override
        public boolean interruptible() {
            return true;
        }

        @Override
        public FileStat stat() {
            return new FileStat("pipe:[" + id + "]", FileStat.PIPE, available(), System.currentTimeMillis(),
                    System.currentTimeMillis());
        }

        @Override
        public String describe() {
            return "pipe:[" + id + "]";
        }

        @Override
        public void close() {
            Pipe.this.close(writer);
        }
    }
}
