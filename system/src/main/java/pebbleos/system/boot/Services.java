package pebbleos.system.boot;

import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

import pebbleos.api.process.Processes;

/** Waiting, bounded, for the services boot cannot go without. */
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

    List<String> awaitEngines(Processes processes) throws Bootloader.BootFailure {
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
