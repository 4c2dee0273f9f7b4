package pebbleos.tty.console;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.jline.utils.NonBlockingReader;

/**
 * The thread that reads the terminal whenever the line editor does not: it
 * decodes keys as they arrive and hands them on (to the job-control keys or
 * the per-task queues), so that keys are seen even while a program computes,
 * and typing faster than a program reads is never lost.
 *
 * <p>The line editor reads the same reader; before it does, it
 * {@linkplain #pause() pauses} the pump, which returns once the pump has left
 * the reader, and {@linkplain #resume() resumes} it afterwards.
 */
final class KeyPump implements Runnable {
    private static final Logger LOG = Logger.getLogger(KeyPump.class.getName());
    /** How long one read waits; also the most a pause waits for the pump. */
    private static final long POLL_MILLIS = 10;

    private final NonBlockingReader reader;
    private final KeyDecoder decoder = new KeyDecoder();
    private final KeyDecoder.Sink sink;
    private final Runnable endOfInput;
    private final Object lock = new Object();
    private boolean paused;
    private boolean parked;
    private volatile boolean running = true;
    private Thread thread;

    KeyPump(NonBlockingReader reader, KeyDecoder.Sink sink, Runnable endOfInput) {
        this.reader = reader;
        this.sink = sink;
        this.endOfInput = endOfInput;
    }

    void start() {
        thread = new Thread(this, "pebble-tty-keys");
        thread.setDaemon(true);
        thread.start();
    }

    void stop() {
        running = false;
        synchronized (lock) {
            lock.notifyAll();
        }
        Thread t = thread;
        if (t != null) {
            try {
                t.join(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Stop reading and return once the pump is off the reader. */
    void pause() {
        synchronized (lock) {
            paused = true;
            long deadline = System.currentTimeMillis() + 1000;
            while (!parked && running && thread != null && thread.isAlive()) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    break;
                }
                try {
                    lock.wait(left);
                } catch (InterruptedException e) {
                    // the caller's signal is seen by its own blocking call; finish the pause
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
    }

    void resume() {
        synchronized (lock) {
            paused = false;
            lock.notifyAll();
        }
    }

    @Override
    public void run() {
        try {
            while (running) {
                synchronized (lock) {
                    if (paused) {
                        decoder.flush(sink);
                        parked = true;
                        lock.notifyAll();
                        while (paused && running) {
                            lock.wait();
                        }
                        parked = false;
                    }
                }
                if (!running) {
                    break;
                }
                int c = reader.read(POLL_MILLIS);
                long now = System.currentTimeMillis();
                if (c == NonBlockingReader.EOF) {
                    decoder.flush(sink);
                    endOfInput.run();
                    break;
                }
                if (c == NonBlockingReader.READ_EXPIRED) {
                    decoder.idle(now, sink);
                    continue;
                }
                if (Character.isHighSurrogate((char) c)) {
                    int low = reader.read(POLL_MILLIS);
                    if (low >= 0) {
                        c = Character.toCodePoint((char) c, (char) low);
                    }
                }
                decoder.feed(c, now, sink);
            }
        } catch (InterruptedException e) {
            // stopping
        } catch (IOException e) {
            if (running) {
                LOG.log(Level.FINE, "terminal input failed", e);
                endOfInput.run();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "terminal key reader failed", e);
            endOfInput.run();
        } finally {
            synchronized (lock) {
                parked = true;
                lock.notifyAll();
            }
        }
    }
}
