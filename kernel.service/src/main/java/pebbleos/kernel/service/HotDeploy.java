package pebbleos.kernel.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import pebbleos.api.PebbleException;
import pebbleos.api.console.Console;
import pebbleos.api.fs.Mounts;
import pebbleos.api.process.Processes;

/**
 * The {@code bundles/} hot-deploy folder of a running system. A jar dropped
 * there is installed and started, or updates the installed bundle of the
 * same symbolic name; a jar deleted from there takes its bundle away again:
 * uninstalled, or, when the jar had replaced a bundle of the image, that
 * bundle read back from the image's own copy. A jar is taken only once its
 * size and time have stayed the same for two scans and it reads as a
 * complete bundle jar, so a partial write is never installed.
 *
 * <p>Every outcome is a line of {@code /var/log/pebbleos.log} (the system
 * log, through java.util.logging) and, when a user sits at a terminal, a
 * line on it (above the line being edited). The folder is the framework
 * property {@code pebbleos.bundles}, by default {@code bundles} beside the
 * launcher.
 */
@Component(immediate = true)
public final class HotDeploy {
    private static final Logger LOG = Logger.getLogger("pebbleos.hotdeploy");
    static final long SCAN_MILLIS = 500;

    /** What a jar of the folder did: its size and time, the bundle it holds, whether it replaced the image's. */
    private record Deployed(long[] stamp, String name, boolean replacedImage) {
    }

    private final Map<Path, long[]> seen = new HashMap<>();
    private final Map<Path, Deployed> deployed = new HashMap<>();
    private ScheduledExecutorService scanner;
    private BundleContext context;
    private Path folder;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Mounts mounts;

    /** The console the user sits at: the best ranked (JLine's over the plain stream). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Console console;

    @Reference
    private BundleHistory history;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Processes processes;

    @Activate
    void activate(BundleContext bundleContext) {
        this.context = bundleContext;
        String configured = bundleContext.getProperty("pebbleos.bundles");
        String home = bundleContext.getProperty("pebbleos.home");
        folder = configured != null ? Path.of(configured) : Path.of(home == null ? "." : home, "bundles");
        // classes, not lambdas: a bundle's lambdas are spun again at every boot (docs/performance.md, fourteenth pass)
        scanner = Executors.newSingleThreadScheduledExecutor(new ScannerThreadFactory());
        scanner.scheduleWithFixedDelay(new Runnable() {
            @Override
            public void run() {
                scan();
            }
        }, SCAN_MILLIS, SCAN_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Makes the scanner's one thread: a daemon named {@code pebble-hot-deploy}. */
    private static final class ScannerThreadFactory implements ThreadFactory {
        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "pebble-hot-deploy");
            t.setDaemon(true);
            return t;
        }
    }

    @Deactivate
    void deactivate() {
        scanner.shutdownNow();
    }

    private Modules modules() {
        return new Modules(context, mounts, new Successors(ServiceFamily.imageRepository(context)), processes);
    }

    /** One pass over the folder: deploy the jars that are new or changed and have settled; undo the deleted. */
    synchronized void scan() {
        Set<Path> present = new HashSet<>();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path jar : files.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                    present.add(jar);
                    long[] now = {Files.size(jar), Files.getLastModifiedTime(jar).toMillis()};
                    long[] before = seen.put(jar, now);
                    boolean settled = before != null && before[0] == now[0] && before[1] == now[1];
                    Deployed done = deployed.get(jar);
                    boolean changed = done == null || done.stamp()[0] != now[0] || done.stamp()[1] != now[1];
                    if (settled && changed) {
                        deploy(jar, now, done);
                    }
                }
            } catch (IOException e) {
                LOG.log(Level.FINE, "scanning " + folder, e);
                return; // a folder that cannot be listed now deletes nothing
            }
        }
        seen.keySet().retainAll(present);
        for (Path gone : List.copyOf(deployed.keySet())) {
            if (!present.contains(gone)) {
                undeploy(gone, deployed.remove(gone));
            }
        }
    }

    private void deploy(Path jar, long[] stamp, Deployed before) {
        String file = "bundles/" + jar.getFileName();
        try {
            byte[] bytes = Files.readAllBytes(jar);
            String name = Modules.symbolicName(bytes);
            Bundle existing = installed(name);
            String location = jar.toUri().toString();
            // the image's bundles have locations inside the image jar (no URL scheme)
            boolean replacesImage = before != null && before.name().equals(name) ? before.replacedImage()
                    : existing != null && !existing.getLocation().contains(":");
            deployed.put(jar, new Deployed(stamp, name, replacesImage));
            Bundle b = modules().install(location, bytes);
            report(Level.INFO, file + ": " + (existing == null ? "installed " : "updated ") + name + " "
                    + b.getVersion() + (existing == null ? "" : ", revision " + history.revision(b)));
        } catch (IOException | PebbleException e) {
            deployed.put(jar, new Deployed(stamp, before == null ? "" : before.name(),
                    before != null && before.replacedImage()));
            report(Level.WARNING, file + ": not deployed: " + e.getMessage());
        }
    }

    private void undeploy(Path jar, Deployed was) {
        String file = "bundles/" + jar.getFileName();
        Bundle b = was.name().isEmpty() ? null : installed(was.name());
        if (b == null) {
            return; // it never deployed, or is gone already
        }
        try {
            if (was.replacedImage()) {
                modules().update(b, null); // from its location: the image's own copy
                report(Level.INFO, file + " deleted: " + was.name() + " " + b.getVersion()
                        + " is the image's own again, revision " + history.revision(b));
            } else {
                String waiting = modules().uninstall(b);
                report(Level.INFO, file + " deleted: " + (waiting.isEmpty() ? "removed " + was.name() : waiting));
            }
        } catch (PebbleException e) {
            report(Level.WARNING, file + " deleted, but " + was.name() + " stays: " + e.getMessage());
        }
    }

    private Bundle installed(String name) {
        for (Bundle b : context.getBundles()) {
            if (name.equals(b.getSymbolicName()) && b.getState() != Bundle.UNINSTALLED) {
                return b;
            }
        }
        return null;
    }

    /** Into the system log, and onto the terminal when a user sits at one. */
    private void report(Level level, String line) {
        LOG.log(level, line);
        Console c = console;
        if (c == null || !c.isTerminal()) {
            return;
        }
        try {
            byte[] text = ("pebbleos: " + line + "\n").getBytes(StandardCharsets.UTF_8);
            var channel = c.channel(Console.STDERR);
            channel.write(text, 0, text.length);
        } catch (RuntimeException e) {
            // a console going away while we write: the log has the line
        }
    }

    Path folder() {
        return folder;
    }
}
