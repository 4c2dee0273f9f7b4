package pebbleos.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * The image's launcher, what {@code ./pebbleos} starts: the framework and
 * the image's bundles, then the system's {@code main.thread} service (the
 * bootloader) on this thread, whose status the JVM exits with. It keeps the
 * contract of bnd's launcher, which stays in the image for {@code java -jar}:
 * the same framework properties and bundle locations, the command line as
 * the {@code launcher.arguments} service property, the framework stopped
 * before the JVM exits (and when the JVM is told to end).
 *
 * <p>What it does differently is why it exists: bnd's launcher installs
 * every bundle into a fresh framework cache at each boot (~150 ms of a
 * 1 s boot); this one keeps the cache between boots of one image build
 * ({@link FrameworkStore}) and installs only when the cache is not exactly
 * what it recorded (a first boot, a bundle updated or added by a session).
 */
public final class Launcher {
    static final String MAIN_FILTER = "(main.thread=true)";
    /** How long to wait for the bootloader's service once the bundles have started (a loaded machine is slow). */
    static final long MAIN_WAIT_SECONDS = 120;
    /** How long stopping the framework may take. */
    static final long STOP_WAIT_MILLIS = 30_000;

    private final Image image;
    private final FrameworkStore store;
    /** Where the image's entries are read from. */
    private final ClassLoader entries;
    private final long mainWaitSeconds;
    private final List<FrameworkEvent> errors = new ArrayList<>();
    private Framework framework;

    Launcher(Image image, FrameworkStore store, ClassLoader entries, long mainWaitSeconds) {
        this.image = image;
        this.store = store;
        this.entries = entries;
        this.mainWaitSeconds = mainWaitSeconds;
    }

    public static void main(String[] args) {
        int status;
        try (FrameworkStore store = FrameworkStore.open(System.getProperty(FrameworkStore.PROPERTY))) {
            ClassLoader entries = ClassLoader.getSystemClassLoader();
            status = new Launcher(Image.from(entries), store, entries, MAIN_WAIT_SECONDS).run(args);
        } catch (LaunchFailure e) {
            System.err.println("pebbleos: " + e.getMessage());
            status = 1;
        }
        System.exit(status);
    }

    /** Boot, run the main service, stop; the status to exit with. */
    int run(String[] args) throws LaunchFailure {
        boolean fresh = !store.kept();
        framework = init(fresh);
        if (!fresh && !matchesRecord()) {
            stop();
            fresh = true;
            framework = init(true);
        }
        BundleContext context = framework.getBundleContext();
        BlockingQueue<ServiceReference<?>> mains = watchMain(context);
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("launcher.arguments", args.clone());
        context.registerService(Object.class, new Object(), properties);
        if (fresh) {
            install(context);
        } else {
            settle(context);
        }
        Thread hook = new Thread(this::stop, "pebbleos-framework-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            // every bundle resolved in one resolver session: left to the start
            // level, each bundle's start resolves it (and what it needs) alone
            framework.adapt(FrameworkWiring.class).resolveBundles(null);
            framework.start();
            return callMain(context, mains);
        } catch (BundleException e) {
            throw new LaunchFailure("the framework did not start: " + e.getMessage());
        } finally {
            stop();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already ending
            }
        }
    }

    /** A framework on the store, initialised (its cache read, or cleaned for a fresh install). */
    private Framework init(boolean clean) throws LaunchFailure {
        Map<String, String> config = new HashMap<>(image.framework());
        config.put(Constants.FRAMEWORK_STORAGE, store.dir().toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, clean ? Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT : "none");
        if (clean) {
            store.forget();
        }
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new LaunchFailure("no OSGi framework on the class path"));
        Framework f = factory.newFramework(config);
        try {
            f.init();
            // (not a listener given to init, which hears only init's own events)
            f.getBundleContext().addFrameworkListener(event -> {
                if (event.getType() == FrameworkEvent.ERROR) {
                    synchronized (errors) {
                        errors.add(event);
                    }
                }
            });
        } catch (BundleException e) {
            throw new LaunchFailure("the framework did not initialise: " + e.getMessage());
        }
        return f;
    }

    /** Whether the kept cache holds exactly the image's bundles as the launcher installed them. */
    private boolean matchesRecord() {
        Map<String, Long> now = new LinkedHashMap<>();
        for (Bundle b : framework.getBundleContext().getBundles()) {
            if (b.getBundleId() != 0) {
                now.put(b.getLocation(), b.getLastModified());
            }
        }
        List<String> locations = image.bundles().stream().map(Image.Bundle::location).toList();
        return now.equals(store.recorded()) && now.keySet().equals(new HashSet<>(locations));
    }

    /** Install the image's bundles from the image jar, marked to start at their levels; then record them. */
    private void install(BundleContext context) throws LaunchFailure {
        Map<String, Long> installed = new LinkedHashMap<>();
        for (Image.Bundle entry : image.bundles()) {
            try (InputStream in = entries.getResourceAsStream(entry.location())) {
                if (in == null) {
                    throw new LaunchFailure("the image has no " + entry.location());
                }
                Bundle b = context.installBundle(entry.location(), in);
                mark(b, entry.startLevel());
                installed.put(b.getLocation(), b.getLastModified());
            } catch (IOException | BundleException e) {
                throw new LaunchFailure("cannot install " + entry.location() + ": " + e.getMessage());
            }
        }
        store.record(installed);
    }

    /**
     * A kept cache: the bundles are installed; give back each its image start
     * level and start mark where a session changed them (the kernel's
     * {@code modules} command may stop a bundle or move its level).
     */
    private void settle(BundleContext context) throws LaunchFailure {
        Map<String, Integer> levels = new HashMap<>();
        for (Image.Bundle entry : image.bundles()) {
            levels.put(entry.location(), entry.startLevel());
        }
        for (Bundle b : context.getBundles()) {
            Integer level = levels.get(b.getLocation());
            if (level == null) {
                continue;
            }
            BundleStartLevel sl = b.adapt(BundleStartLevel.class);
            if (sl.getStartLevel() != level || !isFragment(b) && !sl.isPersistentlyStarted()) {
                try {
                    mark(b, level);
                } catch (BundleException e) {
                    throw new LaunchFailure("cannot mark " + b.getLocation() + " to start: " + e.getMessage());
                }
            }
        }
    }

    /** Set the bundle's start level and mark it to start there (not a fragment), as bnd's launcher does. */
    private void mark(Bundle b, int level) throws BundleException {
        b.adapt(BundleStartLevel.class).setStartLevel(level);
        if (!isFragment(b)) {
            b.start(image.eager() ? 0 : Bundle.START_ACTIVATION_POLICY);
        }
    }

    private static boolean isFragment(Bundle b) {
        return b.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
    }

    /** The main.thread services as they are registered, from now on. */
    private static BlockingQueue<ServiceReference<?>> watchMain(BundleContext context) throws LaunchFailure {
        BlockingQueue<ServiceReference<?>> found = new LinkedBlockingQueue<>();
        try {
            context.addServiceListener(event -> {
                if (event.getType() == ServiceEvent.REGISTERED) {
                    found.add(event.getServiceReference());
                }
            }, MAIN_FILTER);
        } catch (InvalidSyntaxException e) {
            throw new LaunchFailure(e.getMessage());
        }
        return found;
    }

    /** Call the main.thread service (a Callable's Integer is the status; a Runnable's is 0). */
    private int callMain(BundleContext context, BlockingQueue<ServiceReference<?>> mains) throws LaunchFailure {
        ServiceReference<?> ref;
        try {
            ref = mains.poll(mainWaitSeconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchFailure("interrupted while waiting for the system to start");
        }
        if (ref == null) {
            throw new LaunchFailure("no main.thread service after " + mainWaitSeconds + " s (the system bundle did not start)"
                    + errorText());
        }
        Object main = context.getService(ref);
        try {
            if (main instanceof Callable<?> callable) {
                return callable.call() instanceof Integer status ? status : 0;
            }
            if (main instanceof Runnable runnable) {
                runnable.run();
                return 0;
            }
            throw new LaunchFailure("the main.thread service is neither a Callable nor a Runnable");
        } catch (LaunchFailure e) {
            throw e;
        } catch (Exception e) {
            throw new LaunchFailure("the system ended with " + e);
        }
    }

    private String errorText() {
        StringBuilder text = new StringBuilder();
        synchronized (errors) {
            for (FrameworkEvent e : errors) {
                text.append("\n  ").append(e.getBundle().getSymbolicName()).append(": ")
                        .append(e.getThrowable() == null ? "error" : e.getThrowable().getMessage());
            }
        }
        return text.toString();
    }

    /** Stop the framework and wait for it (idempotent; the shutdown hook's job too). */
    private synchronized void stop() {
        Framework f = framework;
        if (f == null || (f.getState() & (Bundle.STARTING | Bundle.ACTIVE)) == 0) {
            return;
        }
        try {
            f.stop();
            f.waitForStop(STOP_WAIT_MILLIS);
        } catch (BundleException e) {
            System.err.println("pebbleos: the framework did not stop: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
