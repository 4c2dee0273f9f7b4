package pebbleos.kernel.fs.system;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What {@code --allow-system-writes} lets programs change in {@code /system},
 * kept in memory above the bundle tree: files written or created, directories
 * made, and whiteouts for bundle paths that were removed. Nothing of it
 * reaches a bundle or the disk; it lasts until the root is mounted again (a new boot).
 */
final class SystemOverlay {
    final Map<String, MemoryFile> files = new ConcurrentHashMap<>();
    final Map<String, Long> directories = new ConcurrentHashMap<>();
    final Set<String> whiteouts = ConcurrentHashMap.newKeySet();
}
