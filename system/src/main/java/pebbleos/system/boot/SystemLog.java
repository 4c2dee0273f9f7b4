package pebbleos.system.boot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;

/**
 * Where the Java side's diagnostics go: a log file beside the disk
 * ({@code pebbleos.log}), never the terminal. Users read Pebble errors; a
 * provider bug's stack trace is for the log.
 */
final class SystemLog {
    private SystemLog() {
    }

    /**
     * The framework's own errors (a bundle that fails to start after a
     * refresh ...) go to the same log: the image runs Felix with its
     * console logger off ({@code felix.log.level=0}).
     */
    static void frameworkErrors(BundleContext context) {
        Logger log = Logger.getLogger("pebbleos.framework");
        context.addFrameworkListener(event -> {
            if (event.getType() == FrameworkEvent.ERROR || event.getType() == FrameworkEvent.WARNING) {
                Level level = event.getType() == FrameworkEvent.ERROR ? Level.SEVERE : Level.WARNING;
                log.log(level, "framework: " + event.getBundle().getSymbolicName(), event.getThrowable());
            }
        });
    }

    static void toFile(Path diskRoot) {
        Logger root = LogManager.getLogManager().getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        try {
            Path file = diskRoot.toAbsolutePath().getParent() == null ? diskRoot.resolve("pebbleos.log")
                    : diskRoot.toAbsolutePath().getParent().resolve("pebbleos.log");
            if (!Files.isWritable(file.getParent())) {
                return;
            }
            FileHandler handler = new FileHandler(file.toString(), 1_000_000, 1, true);
            handler.setFormatter(new SimpleFormatter());
            handler.setLevel(Level.INFO);
            root.addHandler(handler);
        } catch (IOException | SecurityException e) {
            // no log file: diagnostics are dropped rather than printed over the user's session
        }
    }
}
