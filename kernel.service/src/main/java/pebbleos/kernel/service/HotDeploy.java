package pebbleos.kernel.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import pebbleos.api.PebbleException;
import pebbleos.api.fs.Mounts;

/**
 * The {@code bundles/} hot-deploy folder of a running system: a jar dropped
 * there is installed and started, or updates the installed bundle of the same
 * symbolic name. A jar is taken only once its size and time have stayed the
 * same for two scans and it reads as a complete bundle jar, so a partial write
 * is never installed. The folder is the framework property
 * {@code pebbleos.bundles}, by default {@code bundles} beside the launcher.
 */
@Component(immediate = true)
public final class HotDeploy {
    private static final Logger LOG = Logger.getLogger(HotDeploy.class.getName());
    static final long SCAN_MILLIS = 500;

    private final Map<Path, long[]> seen = new HashMap<>();
    private final Map<Path, long[]> deployed = new HashMap<>();
    private ScheduledExecutorService scanner;
    private BundleContext context;
    private Path folder;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Mounts mounts;

    @Activate
    void activate(BundleContext bundleContext) {
        this.context = bundleContext;
        String configured = bundleContext.getProperty("pebbleos.bundles");
        String home = bundleContext.getProperty("pebbleos.home");
        folder = configured != null ? Path.of(configured) : Path.of(home == null ? "." : home, "bundles");
        scanner = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pebble-hot-deploy");
            t.setDaemon(true);
            return t;
        });
        scanner.scheduleWithFixedDelay(this::scan, SCAN_MILLIS, SCAN_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void deactivate() {
        scanner.shutdownNow();
    }

    /** One pass over the folder: deploy the jars that are new or changed and have settled. */
    synchronized void scan() {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path jar : files.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                long[] now = {Files.size(jar), Files.getLastModifiedTime(jar).toMillis()};
                long[] before = seen.put(jar, now);
                boolean settled = before != null && before[0] == now[0] && before[1] == now[1];
                long[] done = deployed.get(jar);
                boolean changed = done == null || done[0] != now[0] || done[1] != now[1];
                if (settled && changed) {
                    deploy(jar, now);
                }
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "scanning " + folder, e);
        }
    }

    private void deploy(Path jar, long[] stamp) {
        deployed.put(jar, stamp);
        try {
            byte[] bytes = Files.readAllBytes(jar);
            new Modules(context, mounts, new Successors(ServiceFamily.imageRepository(context))).install(jar.toUri().toString(), bytes);
            LOG.fine("hot deploy: " + jar.getFileName());
        } catch (IOException | PebbleException e) {
            LOG.log(Level.WARNING, "hot deploy of " + jar.getFileName() + " failed: " + e.getMessage());
        }
    }

    Path folder() {
        return folder;
    }
}
