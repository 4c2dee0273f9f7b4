package pebbleos.lang.vm.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A file of the caches that outlive a boot (compiled units, the JIT's class
 * files), written whole or not at all: to a temporary file beside it, then
 * moved over it, so that a boot killed while writing, or another boot
 * writing the same entry, never leaves half a file for a later boot to read.
 */
public final class CacheFiles {
    private CacheFiles() {
    }

    /** Write {@code bytes} as {@code dir/name}. */
    public static void writeWhole(Path dir, String name, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(dir, name, ".tmp");
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp); // gone after the move; left only when writing failed
        }
    }
}
