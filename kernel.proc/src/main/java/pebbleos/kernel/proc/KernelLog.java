package pebbleos.kernel.proc;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * The system log of the kernel (what {@code dmesg} shows): the last
 * {@value #CAPACITY} messages the kernel itself reported, such as the OOM
 * killer's, each stamped with the seconds since boot. Every message also goes
 * to the host's Java log.
 */
final class KernelLog {
    static final int CAPACITY = 1000;
    private static final Logger LOG = Logger.getLogger("pebbleos.kernel");
    private final long bootNanos = System.nanoTime();
    private final Deque<String> lines = new ArrayDeque<>();

    /** Record a message; returns the stamped line. */
    String log(String message) {
        double seconds = (System.nanoTime() - bootNanos) / 1e9;
        String line = String.format(Locale.ROOT, "[%12.6f] %s", seconds, message);
        synchronized (lines) {
            if (lines.size() == CAPACITY) {
                lines.removeFirst();
            }
            lines.addLast(line);
        }
        LOG.warning(message);
        return line;
    }

    List<String> lines() {
        synchronized (lines) {
            return new ArrayList<>(lines);
        }
    }
}
