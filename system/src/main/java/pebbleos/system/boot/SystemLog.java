package pebbleos.system.boot;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;

import pebbleos.api.fs.Mounts;

/**
 * Where the Java side's diagnostics go: {@value #PATH} inside the system,
 * never the terminal. Users read Pebble errors on their terminal and the
 * system's own record (hot deploys, a provider's failure with its stack
 * trace) with {@code cat /var/log/pebbleos.log}, in every storage mode. The
 * lines of a boot before the root is mounted wait in memory and go in first.
 */
final class SystemLog extends Handler {
    static final String PATH = "/var/log/pebbleos.log";
    /** Lines kept while the root is not mounted yet (a boot's first moments). */
    private static final int EARLY_LINES = 200;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final Mounts mounts;
    private final List<String> early = new ArrayList<>();
    // classes, not lambdas: a bundle's lambdas are spun again at every boot (docs/performance.md, fourteenth pass)
    /** A write that logs (the filesystem reporting a problem) must not write again. */
    private final ThreadLocal<Boolean> writing = new ThreadLocal<>() {
        @Override
        protected Boolean initialValue() {
            return false;
        }
    };

    private SystemLog(Mounts mounts) {
        this.mounts = mounts;
        setLevel(Level.INFO);
    }

    /** Route every java.util.logging record of the JVM to the system log (and nowhere else). */
    static void install(Mounts mounts) {
        Logger root = LogManager.getLogManager().getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        root.addHandler(new SystemLog(mounts));
    }

    /**
     * The framework's own errors (a bundle that fails to start after a
     * refresh ...) go to the same log: the image runs Felix with its
     * console logger off ({@code felix.log.level=0}).
     */
    static void frameworkErrors(BundleContext context) {
        context.addFrameworkListener(new FrameworkErrors(Logger.getLogger("pebbleos.framework")));
    }

    /** Logs the framework's errors and warnings. */
    private static final class FrameworkErrors implements FrameworkListener {
        private final Logger log;

        FrameworkErrors(Logger log) {
            this.log = log;
        }

        @Override
        public void frameworkEvent(FrameworkEvent event) {
            if (event.getType() == FrameworkEvent.ERROR || event.getType() == FrameworkEvent.WARNING) {
                Level level = event.getType() == FrameworkEvent.ERROR ? Level.SEVERE : Level.WARNING;
                log.log(level, "framework: " + event.getBundle().getSymbolicName(), event.getThrowable());
            }
        }
    }

    /** One line per record: time, level, logger, message; a stack trace follows, indented. */
    static String format(LogRecord record) {
        StringBuilder line = new StringBuilder();
        line.append(TIME.format(Instant.ofEpochMilli(record.getMillis()))).append(' ')
                .append(record.getLevel().getName()).append(' ')
                .append(record.getLoggerName() == null ? "-" : record.getLoggerName()).append(": ")
                .append(record.getMessage() == null ? "" : record.getMessage().replace('\n', ' ')).append('\n');
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            for (String t : trace.toString().split("\n")) {
                line.append("    ").append(t.stripTrailing()).append('\n');
            }
        }
        return line.toString();
    }

    @Override
    public void publish(LogRecord record) {
        if (!isLoggable(record) || writing.get()) {
            return;
        }
        String text = format(record);
        writing.set(true);
        try {
            synchronized (early) {
                if (!mounts.rootMounted()) {
                    if (early.size() < EARLY_LINES) {
                        early.add(text);
                    }
                    return;
                }
                if (!early.isEmpty()) {
                    text = String.join("", early) + text;
                    early.clear();
                }
            }
            mounts.appendKernelFile(PATH, text);
        } catch (RuntimeException e) {
            // no log (a read-only or full disk): diagnostics are dropped rather than printed over the user's session
        } finally {
            writing.set(false);
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
