package pebbleos.lang.vm.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import pebbleos.lang.vm.code.Unit;
import pebbleos.lang.vm.compiler.Compiler;

/**
 * Compiled units by a key of (format version, file name, source) ({@link ContentKey}): a program,
 * the runtime API or a library is compiled once per engine, not at every
 * launch. With a directory (the bundle's persistent data area in OSGi) the
 * units are also kept on disk, so that a fresh boot skips compiling them too.
 * Disk entries are the binary payload of {@link BytecodeFile}; an entry that
 * fails to read is dropped and the source compiled again.
 */
public final class CodeCache {
    private static final int CAPACITY = 256;

    private final Map<String, Unit> memory = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Unit> eldest) {
            return size() > CAPACITY;
        }
    };
    private volatile Path directory;
    /** Counters for tests and diagnostics: compilations, disk hits. */
    public final AtomicLong compiled = new AtomicLong();
    public final AtomicLong loadedFromDisk = new AtomicLong();

    /** Keep compiled units in {@code dir} too (created when missing). */
    public void useDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
            this.directory = dir;
        } catch (IOException e) {
            this.directory = null; // a cache that cannot be written is no cache: compile every time
        }
    }

    /** The unit of {@code source} reported as {@code file}; syntax errors are raised as located errors. */
    public Unit compile(String file, String source) {
        // in memory the text itself is the key: no digest to compute (its provider takes long to load)
        String memoryKey = file + '\0' + source;
        synchronized (memory) {
            Unit hit = memory.get(memoryKey);
            if (hit != null) {
                return hit;
            }
        }
        String key = directory == null ? "" : key(file, source);
        Unit unit = directory == null ? null : fromDisk(key);
        if (unit == null) {
            unit = Compiler.compile(file, source, key);
            compiled.incrementAndGet();
            toDisk(key, unit);
        } else {
            loadedFromDisk.incrementAndGet();
        }
        synchronized (memory) {
            memory.put(memoryKey, unit);
        }
        return unit;
    }

    /** Forget the in-memory entries (the disk ones stay): what a fresh boot sees. */
    public void clearMemory() {
        synchronized (memory) {
            memory.clear();
        }
    }

    static String key(String file, String source) {
        return new ContentKey()
                .update(("pebble-bytecode " + BytecodeFile.VERSION + "." + Compiler.REVISION + "\0" + file + "\0")
                        .getBytes(StandardCharsets.UTF_8))
                .update(source.getBytes(StandardCharsets.UTF_8))
                .hex();
    }

    private Unit fromDisk(String key) {
        Path dir = directory;
        if (dir == null) {
            return null;
        }
        Path entry = dir.resolve(key + ".pbc");
        try {
            if (!Files.isRegularFile(entry)) {
                return null;
            }
            return BytecodeFile.fromPayload(Files.readAllBytes(entry));
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(entry);
            } catch (IOException ignored) {
                // the next write replaces it
            }
            return null;
        }
    }

    private void toDisk(String key, Unit unit) {
        Path dir = directory;
        if (dir == null || key.isEmpty()) {
            return;
        }
        try {
            CacheFiles.writeWhole(dir, key + ".pbc", BytecodeFile.payload(unit));
        } catch (IOException | RuntimeException e) {
            // best effort: the unit is in memory, the disk copy only saves a later boot some work
        }
    }
}
