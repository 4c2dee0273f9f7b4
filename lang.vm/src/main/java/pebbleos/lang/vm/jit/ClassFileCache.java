package pebbleos.lang.vm.jit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import pebbleos.api.process.TaskContext;
import pebbleos.api.value.PList;
import pebbleos.api.value.PNone;
import pebbleos.lang.core.runtime.Access;
import pebbleos.lang.core.runtime.Cell;
import pebbleos.lang.core.runtime.Ops;
import pebbleos.lang.core.runtime.PFunction;
import pebbleos.lang.core.runtime.PInstance;
import pebbleos.lang.core.runtime.PModule;
import pebbleos.lang.vm.code.Proto;
import pebbleos.lang.vm.code.Unit;
import pebbleos.lang.vm.machine.Compiled;
import pebbleos.lang.vm.machine.Frame;
import pebbleos.lang.vm.machine.Iter;
import pebbleos.lang.vm.machine.Machine;
import pebbleos.lang.vm.machine.VmFunction;
import pebbleos.lang.vm.store.CacheFiles;
import pebbleos.lang.vm.store.ContentKey;

/**
 * The JIT's class files kept across boots, one file per proto, named by its
 * unit's source hash and its index in the unit. Translating costs a cold JVM
 * far more than reading (the translator and ASM run in HotSpot's interpreter
 * early in a boot: ~20 ms for the shell's loop), and a fresh boot makes the
 * same classes again. The files live in a folder named after a digest of
 * the class files of everything the generated code was written for or calls
 * (the translator, its analyses and its choice of what to inline, the
 * machine, the runtime classes it names), so that code
 * written by another build of them is never defined; the folders of other
 * builds are removed when this build's is made. Best effort throughout: a file that cannot be read or
 * written is translated again.
 */
final class ClassFileCache {
    /** What the generated code is made by and links against. */
    private static final List<Class<?>> LINKED = List.of(Translator.class, Temporaries.class, LeafInliner.class,
            PromotedLoops.class, JitCompiler.class, Machine.class, Frame.class,
            Compiled.class, Iter.class, VmFunction.class, Proto.class, Unit.class, PFunction.class, PInstance.class,
            classNamed("pebbleos.lang.vm.machine.JitOps"), classNamed("pebbleos.lang.vm.machine.SlowPaths"),
            classNamed("pebbleos.lang.vm.machine.RareInstructions"),
            TaskContext.class, PList.class, PNone.class, Access.class, Cell.class, Ops.class, PModule.class);
    private static final String PREFIX = "jit-";

    private final Path parent;
    private Path folder;
    private boolean ready;

    ClassFileCache(Path parent) {
        this.parent = parent;
    }

    /** The class file kept for {@code key}, or null. */
    byte[] read(String key) {
        Path dir = folder();
        if (dir == null) {
            return null;
        }
        try {
            return Files.readAllBytes(dir.resolve(key + ".class"));
        } catch (IOException e) {
            return null;
        }
    }

    /** Keep {@code classFile} for {@code key} (written whole or not at all). */
    void write(String key, byte[] classFile) {
        Path dir = folder();
        if (dir == null) {
            return;
        }
        try {
            CacheFiles.writeWhole(dir, key + ".class", classFile);
        } catch (IOException | RuntimeException e) {
            // the class is defined anyway; a later boot translates it again
        }
    }

    /** Drop the file kept for {@code key} (it did not define). */
    void forget(String key) {
        Path dir = folder();
        if (dir != null) {
            try {
                Files.deleteIfExists(dir.resolve(key + ".class"));
            } catch (IOException e) {
                // the next boot tries it again and drops it then
            }
        }
    }

    /** This build's folder, made on first use (null: no cache). */
    private synchronized Path folder() {
        if (!ready) {
            ready = true;
            String digest = digest();
            if (digest != null) {
                try {
                    Path dir = parent.resolve(PREFIX + digest);
                    boolean made = !Files.isDirectory(dir);
                    folder = Files.createDirectories(dir);
                    if (made) {
                        // a new build: drop the others' (listing the cache folder, hundreds of units, took ~4 ms a boot)
                        removeOthers(folder.getFileName().toString());
                    }
                } catch (IOException | RuntimeException e) {
                    folder = null;
                }
            }
        }
        return folder;
    }

    private void removeOthers(String kept) {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(parent, PREFIX + "*")) {
            for (Path dir : dirs) {
                if (!dir.getFileName().toString().equals(kept)) {
                    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
                        for (Path f : files) {
                            Files.deleteIfExists(f);
                        }
                    }
                    Files.deleteIfExists(dir);
                }
            }
        } catch (IOException | RuntimeException e) {
            // another boot may be cleaning too; what is left goes when a later build's folder is made
        }
    }

    /** A digest of the linked classes' class files, or null when one cannot be read. */
    private static String digest() {
        try {
            ContentKey key = new ContentKey();
            for (Class<?> c : LINKED) {
                String resource = c.getName().replace('.', '/') + ".class";
                ClassLoader loader = c.getClassLoader();
                try (InputStream in = loader == null ? null : loader.getResourceAsStream(resource)) {
                    if (in == null) {
                        return null;
                    }
                    key.update(in.readAllBytes());
                }
            }
            return key.hex();
        } catch (IOException e) {
            return null;
        }
    }

    private static Class<?> classNamed(String name) {
        try {
            return Class.forName(name, false, ClassFileCache.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
