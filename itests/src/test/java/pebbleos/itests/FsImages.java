package pebbleos.itests;

import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Pax Exam building blocks for the filesystem tests: the kernel with its
 * mount table and the MVStore bundle, each backend, and small
 * helpers to find services and bundles and to make host directories.
 */
final class FsImages {
    private FsImages() {
    }

    /**
     * kernel.api, the syscall table and kernel.fs, with the MVStore bundle
     * (hostfs keeps its owners in it, the VFS its files): in every image.
     */
    static Option kernel() {
        return composite(Images.pebble("kernel.api"), Images.pebble("kernel.syscall"), Images.pebble("kernel.fs"),
                mavenBundle("com.h2database", "h2-mvstore").versionAsInProject());
    }

    /** The bundle of a backend module (its store is in {@link #kernel()}). */
    static Option backend(String module) {
        return Images.pebble(module);
    }

    /** The backend module serving {@code mode}. */
    static String moduleOf(String mode) {
        return mode.startsWith("vfs") ? "fs.vfs" : mode.startsWith("mfs") ? "fs.mfs" : "fs.hostfs";
    }

    /** A service, waiting up to 10 s for it. */
    static <T> T service(Class<T> type) {
        BundleContext context = FrameworkUtil.getBundle(FsImages.class).getBundleContext();
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        try {
            T s = tracker.waitForService(TimeUnit.SECONDS.toMillis(10));
            if (s == null) {
                throw new AssertionError("no " + type.getName() + " service");
            }
            return s;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static Bundle bundle(String symbolicName) {
        BundleContext context = FrameworkUtil.getBundle(FsImages.class).getBundleContext();
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError(symbolicName + " is not installed");
    }

    /** A fresh host directory under target/. */
    static Path hostDirectory(String name) {
        try {
            Path base = Path.of("target", "fs-it").toAbsolutePath();
            Files.createDirectories(base);
            return Files.createTempDirectory(base, name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
