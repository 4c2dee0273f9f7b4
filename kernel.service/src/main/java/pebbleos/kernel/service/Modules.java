package pebbleos.kernel.service;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.logging.Logger;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.framework.wiring.FrameworkWiring;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.engine.ExecutionEngine;
import pebbleos.api.fs.FileSystem;
import pebbleos.api.fs.Mounts;
import pebbleos.api.process.Processes;
import pebbleos.kernel.service.resource.ManifestReader;

/**
 * Bundle lifecycle with the system's guard rails: the kernel's own bundles
 * cannot be stopped or removed, and neither can the last provider of a
 * mandatory role (the bundle serving the root filesystem, the only execution
 * engine) until a successor is in place; the refusal names one the image's
 * repository offers. Every failure is a Pebble-visible error with an errno.
 */
final class Modules {
    private static final Logger LOG = Logger.getLogger("pebbleos.modules");

    private final BundleContext context;
    private final Mounts mounts;
    private final Successors successors;
    private final Processes processes;

    Modules(BundleContext context, Mounts mounts, Successors successors, Processes processes) {
        this.context = context;
        this.mounts = mounts;
        this.successors = successors;
        this.processes = processes;
    }

    Bundle find(String name) {
        Bundle match = null;
        for (Bundle b : context.getBundles()) {
            if (name.equals(b.getSymbolicName()) || name.equals(String.valueOf(b.getBundleId()))) {
                if (match == null || b.getVersion().compareTo(match.getVersion()) > 0) {
                    match = b;
                }
            }
        }
        if (match == null) {
            throw new PebbleException(Errno.NOENT, "no bundle named '" + name + "'");
        }
        return match;
    }

    /** Install (or, when one of the same symbolic name exists, update) a bundle from jar bytes, and start it. */
    Bundle install(String location, byte[] jar) {
        String name = symbolicName(jar);
        for (Bundle b : context.getBundles()) {
            if (name.equals(b.getSymbolicName())) {
                update(b, jar);
                return b;
            }
        }
        try {
            Bundle b = context.installBundle(location, new ByteArrayInputStream(jar));
            start(b);
            return b;
        } catch (BundleException e) {
            throw failure("install " + name, e);
        }
    }

    /** The symbolic name of jar bytes; INVAL for anything that is not a complete bundle jar. */
    static String symbolicName(byte[] jar) {
        String name = ManifestReader.manifest(jar).getMainAttributes().getValue("Bundle-SymbolicName");
        if (name == null || name.isBlank()) {
            throw new PebbleException(Errno.INVAL, "not a bundle: the manifest has no Bundle-SymbolicName");
        }
        int semi = name.indexOf(';');
        return (semi >= 0 ? name.substring(0, semi) : name).trim();
    }

    void update(Bundle b, byte[] jar) {
        guardKernel(b, "update");
        if (jar != null) {
            String name = symbolicName(jar);
            if (!name.equals(b.getSymbolicName())) {
                throw new PebbleException(Errno.INVAL, "the jar holds '" + name + "', not '" + b.getSymbolicName() + "'");
            }
        }
        try {
            if (jar == null) {
                updateFromLocation(b);
            } else {
                b.update(new ByteArrayInputStream(jar));
            }
            refresh(List.of(b));
            start(b);
        } catch (BundleException e) {
            throw failure("update " + b.getSymbolicName(), e);
        }
    }

    /**
     * Update from where the bundle came from. The executable image installs
     * its bundles from locations inside the image jar ({@code jar/NAME.jar},
     * no URL scheme) that the framework cannot open again: read those from
     * the class path, where the image's launcher found them.
     */
    private static void updateFromLocation(Bundle b) throws BundleException {
        String location = b.getLocation();
        if (location.contains(":")) {
            b.update();
            return;
        }
        InputStream in = ClassLoader.getSystemResourceAsStream(location);
        if (in == null) {
            throw new PebbleException(Errno.NOENT, "update " + b.getSymbolicName() + ": its location '" + location
                    + "' cannot be read again; name the jar to update from");
        }
        try (in) {
            b.update(in);
        } catch (IOException e) {
            throw new PebbleException(Errno.IO, "update " + b.getSymbolicName() + ": " + e.getMessage());
        }
    }

    void start(Bundle b) {
        if (b.getHeaders().get("Fragment-Host") != null) {
            return;
        }
        try {
            startNow(b);
            b.start();
        } catch (BundleException e) {
            throw failure("start " + b.getSymbolicName(), e);
        }
    }

    /**
     * A bundle parked above the framework's start level (the image defers
     * some to level 2) would only be marked to start later: bring it down to
     * the current level, so that starting it starts it.
     */
    private void startNow(Bundle b) {
        BundleStartLevel level = b.adapt(BundleStartLevel.class);
        FrameworkStartLevel current = context.getBundle(0).adapt(FrameworkStartLevel.class);
        if (level != null && current != null && level.getStartLevel() > current.getStartLevel()) {
            level.setStartLevel(current.getStartLevel());
        }
    }

    /**
     * Stop a bundle; "" when it stopped, else what it waits for: an engine
     * whose only bundle this is stops once the programs it runs end (it
     * takes no new ones meanwhile), never leaving them on a stopped bundle.
     */
    String stop(Bundle b) {
        guardKernel(b, "stop");
        guardRoot(b, "stop");
        guardEngine(b, "stop");
        return afterPrograms(b, "stops", () -> {
            try {
                b.stop();
            } catch (BundleException e) {
                throw failure("stop " + b.getSymbolicName(), e);
            }
        });
    }

    /** Remove a bundle; "" when it is gone, else what it waits for (see {@link #stop}). */
    String uninstall(Bundle b) {
        guardKernel(b, "remove");
        guardRoot(b, "remove");
        guardEngine(b, "remove");
        return afterPrograms(b, "is removed", () -> {
            try {
                b.uninstall();
                refresh(List.of(b));
            } catch (BundleException e) {
                throw failure("remove " + b.getSymbolicName(), e);
            }
        });
    }

    /**
     * Run {@code action} now, unless {@code b} is the only provider of an
     * engine that runs programs: then retire the engine (new programs go to
     * another) and run it in the background once they have all ended.
     */
    private String afterPrograms(Bundle b, String what, Runnable action) {
        List<String> engines = soleEngines(b);
        Processes table = processes;
        TreeSet<Integer> pids = new TreeSet<>();
        if (table != null) {
            engines.forEach(e -> pids.addAll(table.runningOn(e)));
        }
        if (pids.isEmpty()) {
            action.run();
            return "";
        }
        engines.forEach(e -> table.retireEngine(e, true));
        Thread waiter = new Thread(() -> {
            try {
                while (engines.stream().anyMatch(e -> !table.runningOn(e).isEmpty())) {
                    Thread.sleep(DRAIN_POLL_MILLIS);
                }
                if (b.getState() != Bundle.UNINSTALLED) {
                    action.run();
                }
                LOG.info(b.getSymbolicName() + " " + what
                        + ": the programs of its engine " + String.join(", ", engines) + " have ended");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (PebbleException e) {
                LOG.warning(e.getMessage());
            }
        }, "pebble-engine-drain-" + b.getSymbolicName());
        waiter.setDaemon(true);
        waiter.start();
        StringBuilder list = new StringBuilder();
        for (Integer pid : pids) {
            list.append(list.length() == 0 ? "" : " ").append(pid);
        }
        return b.getSymbolicName() + " " + what + " once the programs on its engine " + String.join(", ", engines)
                + " end (pids " + list + "); new programs run on " + String.join(", ", table.engines());
    }

    /** How often a stopping engine's bundle looks whether its programs have ended. */
    static final long DRAIN_POLL_MILLIS = 100;

    /** The engines {@code b} provides that no other bundle provides. */
    private List<String> soleEngines(Bundle b) {
        List<String> mine = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (ServiceReference<ExecutionEngine> ref : references(ExecutionEngine.class)) {
            Bundle owner = ref.getBundle();
            String name = String.valueOf(ref.getProperty(ExecutionEngine.ENGINE));
            if (owner != null && owner.getBundleId() == b.getBundleId()) {
                mine.add(name);
            } else if (owner != null) {
                others.add(name);
            }
        }
        mine.removeAll(others);
        return mine;
    }

    private void refresh(Collection<Bundle> bundles) {
        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        Object done = new Object();
        synchronized (done) {
            wiring.refreshBundles(bundles, event -> {
                synchronized (done) {
                    done.notifyAll();
                }
            });
            try {
                done.wait(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void guardKernel(Bundle b, String what) {
        if (KernelBundles.contains(context, b)) {
            throw new PebbleException(Errno.BUSY, "cannot " + what + " " + b.getSymbolicName()
                    + ": it is part of the running kernel");
        }
    }

    /** The bundle serving the root filesystem goes only when another serves its mode. */
    private void guardRoot(Bundle b, String what) {
        if (mounts == null || !mounts.rootMounted()) {
            return;
        }
        String mode = mounts.rootMode();
        boolean servesRoot = false;
        boolean successor = false;
        for (ServiceReference<FileSystem> ref : fileSystems()) {
            if (!modes(ref).contains(mode)) {
                continue;
            }
            if (ref.getBundle() != null && ref.getBundle().getBundleId() == b.getBundleId()) {
                servesRoot = true;
            } else {
                successor = true;
            }
        }
        if (servesRoot && !successor) {
            throw new PebbleException(Errno.BUSY, "cannot " + what + " " + b.getSymbolicName()
                    + ": it serves the root filesystem (" + mode + "); install a successor first"
                    + successors.offer("(&(objectClass=" + FileSystem.class.getName() + ")(" + FileSystem.MODE + "="
                            + mode + "))", b.getSymbolicName())
                    + ", or update it");
        }
    }

    /** The only bundle offering an execution engine stays: without one no program runs, not even the shell. */
    private void guardEngine(Bundle b, String what) {
        boolean provides = false;
        boolean another = false;
        for (ServiceReference<ExecutionEngine> ref : references(ExecutionEngine.class)) {
            Bundle owner = ref.getBundle();
            if (owner != null && owner.getBundleId() == b.getBundleId()) {
                provides = true;
            } else if (owner != null) {
                another = true;
            }
        }
        if (provides && !another) {
            throw new PebbleException(Errno.BUSY, "cannot " + what + " " + b.getSymbolicName()
                    + ": it is the only execution engine; install another first"
                    + successors.offer("(objectClass=" + ExecutionEngine.class.getName() + ")", b.getSymbolicName()));
        }
    }

    private <T> Collection<ServiceReference<T>> references(Class<T> type) {
        try {
            return context.getServiceReferences(type, null);
        } catch (InvalidSyntaxException e) {
            return List.of();
        }
    }

    Collection<ServiceReference<FileSystem>> fileSystems() {
        return references(FileSystem.class);
    }

    static List<String> modes(ServiceReference<?> ref) {
        Object m = ref.getProperty(FileSystem.MODE);
        List<String> out = new ArrayList<>();
        if (m instanceof String s) {
            out.add(s);
        } else if (m instanceof String[] a) {
            out.addAll(List.of(a));
        } else if (m instanceof Collection<?> c) {
            c.forEach(x -> out.add(String.valueOf(x)));
        }
        return out;
    }

    private static PebbleException failure(String what, BundleException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        if (e.getCause() != null && e.getCause().getMessage() != null) {
            message = message + " (" + e.getCause().getMessage() + ")"; // Felix keeps the reason in the cause
        }
        Errno errno = e.getType() == BundleException.RESOLVE_ERROR ? Errno.NOENT : Errno.INVAL;
        if (message.contains("Unable to resolve") || message.contains("missing requirement")) {
            return new PebbleException(Errno.NOENT, what + ": unresolved requirements: " + message);
        }
        return new PebbleException(errno, what + ": " + message);
    }
}
