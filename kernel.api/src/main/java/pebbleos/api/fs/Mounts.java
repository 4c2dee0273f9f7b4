package pebbleos.api.fs;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The kernel's mount table as the bootloader drives it: mount the root volume
 * of the mode chosen at boot, beside the bundle-contributed {@code /system}
 * tree and the {@code /dev} nodes.
 */
@ProviderType
public interface Mounts {
    /**
     * Mount {@code /} on the backend serving {@code mode}, waiting up to
     * {@code timeoutMillis} for that backend's service. Fails with NOSYS
     * naming the mode when no backend serves it ({@code "no filesystem backend
     * for mode 'vfs-persistent' in this image"}).
     */
    void mountRoot(String mode, Path hostRoot, boolean systemWritable, long timeoutMillis);

    /** True once the root volume is mounted. */
    boolean rootMounted();

    /** The storage mode of {@code /}. */
    String rootMode();

    /** The mounts: mount point, kind/mode, provider, read-only flag. */
    List<Map<String, Object>> mounts();

    /**
     * Append text to a file of the root volume as the kernel (creating the
     * file and its folders): the system's own log, {@code /var/log/pebbleos.log},
     * which users read with {@code cat}. Fails with NOENT before the root is mounted.
     */
    void appendKernelFile(String path, String text);
}
