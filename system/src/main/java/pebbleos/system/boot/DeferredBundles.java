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

    /** Start them in the background after {@code millis}, unless the system stops first. */
    static void raiseLater(BundleContext context, long millis) {
        Thread later = new Thread(() -> {
            try {
                Thread.sleep(millis);
                raise(context);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IllegalStateException e) {
                // the framework stopped meanwhile: nothing to start
            }
        }, "pebbleos-deferred-start");
        later.setDaemon(true);
        later.start();
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
