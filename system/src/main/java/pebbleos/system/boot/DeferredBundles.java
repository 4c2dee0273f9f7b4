package pebbleos.system.boot;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;

/**
 * The bundles an image parks above the framework's beginning start level
 * ({@code startlevel=2} in the image: the other fs modes' backends, ConfigAdmin,
 * Gogo): installed, but a boot for one command does not start them. Raising
 * the framework to the highest level any bundle has starts them; images
 * without start levels (Pax Exam) are already there and nothing happens.
 */
final class DeferredBundles {
    private DeferredBundles() {
    }

    /** The level that starts every bundle. */
    private static int highestLevel(BundleContext context) {
        int highest = 1;
        for (Bundle b : context.getBundles()) {
            BundleStartLevel level = b.adapt(BundleStartLevel.class);
            if (level != null && b.getState() != Bundle.UNINSTALLED) {
                highest = Math.max(highest, level.getStartLevel());
            }
        }
        return highest;
    }

    /** Start them in the background (the framework's own start-level thread). */
    static void raise(BundleContext context) {
        raise(context, null);
    }

    /**
     * Start them in the background after {@code millis}; the session's end
     * calls it off with {@link Later#cancel}, or waits for a start already
     * under way, so that the framework never stops while its start-level
     * thread is raising the level (SCR then restarted on bundles without
     * wirings and printed its stack traces after a short session's output).
     */
    static Later raiseLater(BundleContext context, long millis) {
        Later later = new Later(context);
        Thread thread = new Thread(() -> later.runAfter(millis), "pebbleos-deferred-start");
        thread.setDaemon(true);
        thread.start();
        return later;
    }

    /** A deferred start: called off before it begins, or waited for once begun. */
    static final class Later {
        private final BundleContext context;
        private final CountDownLatch done = new CountDownLatch(1);
        private boolean cancelled;
        private boolean begun;

        private Later(BundleContext context) {
            this.context = context;
        }

        private void runAfter(long millis) {
            try {
                Thread.sleep(millis);
                synchronized (this) {
                    if (!cancelled) {
                        begun = raise(context, done);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IllegalStateException e) {
                // the framework stopped meanwhile: nothing to start
            }
        }

        /** Call it off; when it has begun, wait until the level is raised, at most {@code millis}. */
        void cancel(long millis) {
            boolean wait;
            synchronized (this) {
                cancelled = true;
                wait = begun;
            }
            if (wait) {
                try {
                    done.await(millis, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** Start them and wait until they are started, at most {@code millis}. */
    static void raiseAndWait(BundleContext context, long millis) throws Bootloader.BootFailure {
        CountDownLatch done = new CountDownLatch(1);
        if (!raise(context, done)) {
            return;
        }
        try {
            if (!done.await(millis, TimeUnit.MILLISECONDS)) {
                throw new Bootloader.BootFailure("the deferred bundles did not start within " + millis + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Bootloader.BootFailure("interrupted while starting the deferred bundles");
        }
    }

    private static boolean raise(BundleContext context, CountDownLatch done) {
        FrameworkStartLevel framework = context.getBundle(0).adapt(FrameworkStartLevel.class);
        int target = highestLevel(context);
        if (framework.getStartLevel() >= target) {
            return false;
        }
        framework.setStartLevel(target, event -> {
            if (done != null && event.getType() == FrameworkEvent.STARTLEVEL_CHANGED) {
                done.countDown();
            }
        });
        return true;
    }
}
