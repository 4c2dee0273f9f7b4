package pebbleos.system.boot;

import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

import pebbleos.api.bundle.DeclaredServices;
import pebbleos.api.engine.ExecutionEngine;
import pebbleos.api.process.Processes;

/**
 * Waiting, bounded, for the services boot cannot go without; or not at all
 * when no installed bundle declares one (its manifest's {@code osgi.service}
 * capabilities): then the image lacks it, and boot fails at once naming the
 * capability instead of after the wait.
 */
final class Services {
    private final BundleContext context;
    private final long waitMillis;

    Services(BundleContext context, long waitMillis) {
        this.context = context;
        this.waitMillis = waitMillis;
    }

    <T> T await(Class<T> type, String what) throws Bootloader.BootFailure {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        if (tracker.getService() == null) {
            declared("(objectClass=" + type.getName() + ")", what);
        }
        try {
            T service = tracker.waitForService(waitMillis);
            if (service == null) {
                throw new Bootloader.BootFailure("no " + what + " in this image (" + type.getSimpleName() + ")");
            }
            return service;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Bootloader.BootFailure("interrupted while waiting for " + what);
        }
        // the tracker stays open: closing it would unget the service
    }

    /** Fail now unless some installed bundle declares a service capability matching {@code filter}. */
    void declared(String filter, String what) throws Bootloader.BootFailure {
        if (DeclaredServices.providers(context, filter).isEmpty()) {
            throw new Bootloader.BootFailure("this image has no " + what + ": no bundle offers osgi.service " + filter);
        }
    }

    List<String> awaitEngines(Processes processes) throws Bootloader.BootFailure {
        if (processes.engines().isEmpty()) {
            declared("(objectClass=" + ExecutionEngine.class.getName() + ")", "execution engine");
        }
        long deadline = System.currentTimeMillis() + waitMillis;
        while (processes.engines().isEmpty()) {
            if (System.currentTimeMillis() > deadline) {
                throw new Bootloader.BootFailure("no execution engine in this image");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Bootloader.BootFailure("interrupted while waiting for an engine");
            }
        }
        return processes.engines();
    }
}
