package pebbleos.kernel.fs;

import java.util.function.Function;

import pebbleos.api.fs.Volume;

/**
 * One volume of the namespace as the kernel uses it: {@code /} on the backend
 * of the boot mode, or {@code /system} on the bundle tree. Every operation
 * goes through {@link #call}, so that the root can make it wait while its
 * backend is being replaced and count it as in flight meanwhile.
 */
public interface Mount {
    /** Where the volume is mounted: {@code /} or {@code /system}. */
    String point();

    /** The storage mode (or {@code system}). */
    String mode();

    /** Who serves it now: a bundle symbolic name, or a list of them. */
    String provider();

    boolean readOnly();

    /**
     * Changes whenever the volume behind the mount is replaced; an open file
     * that saw another generation reopens its handle on the current volume.
     */
    long generation();

    /** Note that something was written, for {@code fs_sync}'s answer. */
    default void changed() {
    }

    /** Run {@code operation} on the current volume, waiting (bounded) across a swap. */
    <T> T call(Function<Volume, T> operation);
}
