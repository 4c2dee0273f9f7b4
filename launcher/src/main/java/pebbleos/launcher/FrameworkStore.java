package pebbleos.launcher;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The folder of the framework's bundle cache. Named by the boot script
 * ({@code pebbleos.framework.store}, one per image build), it is kept between
 * boots: the next boot finds the image's bundles installed and does not copy
 * them out of the image again. Beside it, {@code NAME.lock} says that a JVM
 * uses it (a file lock, released when that JVM ends, however it ends) and
 * {@code NAME.state} what the launcher installed (each bundle's location and
 * time), written only once every bundle is in. A boot that finds the folder
 * taken, or that is given none, uses a fresh temporary folder, removed when
 * it ends: what bnd's launcher does at every boot.
 */
final class FrameworkStore implements AutoCloseable {
    static final String PROPERTY = "pebbleos.framework.store";

    private final Path dir;
    private final boolean temporary;
    private final FileChannel lockFile;

    private FrameworkStore(Path dir, boolean temporary, FileChannel lockFile) {
        this.dir = dir;
        this.temporary = temporary;
        this.lockFile = lockFile;
    }

    /** The folder {@code named} (null: none) when this JVM can have it to itself, else a temporary one. */
    static FrameworkStore open(String named) throws LaunchFailure {
        if (named != null && !named.isBlank()) {
            Path dir = Path.of(named).toAbsolutePath();
            FileChannel lock = tryLock(sibling(dir, ".lock"));
            if (lock != null) {
                removeStale(dir);
                return new FrameworkStore(dir, false, lock);
            }
        }
        try {
            return new FrameworkStore(Files.createTempDirectory("pebbleos-framework-"), true, null);
        } catch (IOException e) {
            throw new LaunchFailure("cannot make a folder for the framework: " + e.getMessage());
        }
    }

    Path dir() {
        return dir;
    }

    /** True when a boot before this one may have left the bundles installed here. */
    boolean kept() {
        return !temporary && Files.isRegularFile(sibling(dir, ".state"));
    }

    /** What the launcher installed here last: location to last-modified time, in install order. */
    Map<String, Long> recorded() {
        Map<String, Long> out = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(sibling(dir, ".state"))) {
                int blank = line.lastIndexOf(' ');
                if (blank > 0) {
                    out.put(line.substring(0, blank), Long.parseLong(line.substring(blank + 1)));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Map.of(); // unreadable: installed afresh
        }
        return out;
    }

    /** Forget what was installed (before a fresh install: an interrupted one is never trusted). */
    void forget() {
        try {
            Files.deleteIfExists(sibling(dir, ".state"));
        } catch (IOException e) {
            // the next boot finds the bundles differ from the record and installs afresh
        }
    }

    /** Record the bundles just installed; a temporary folder records nothing. */
    void record(Map<String, Long> installed) {
        if (temporary) {
            return;
        }
        StringBuilder text = new StringBuilder();
        installed.forEach((location, time) -> text.append(location).append(' ').append(time).append('\n'));
        Path state = sibling(dir, ".state");
        Path partial = sibling(dir, ".state.partial");
        try {
            Files.writeString(partial, text);
            Files.move(partial, state, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            forget(); // not recorded: the next boot installs afresh
        }
    }

    /** Release the folder; a temporary one is removed. */
    @Override
    public void close() {
        if (temporary) {
            delete(dir);
        } else if (lockFile != null) {
            try {
                lockFile.close(); // releases the lock
            } catch (IOException e) {
                // the lock goes with the JVM anyway
            }
        }
    }

    private static Path sibling(Path dir, String suffix) {
        return dir.resolveSibling(dir.getFileName() + suffix);
    }

    private static FileChannel tryLock(Path path) {
        try {
            Files.createDirectories(path.getParent());
            FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                return null;
            }
            return channel;
        } catch (IOException | RuntimeException e) {
            return null; // not writable, or locks unsupported: a temporary folder
        }
    }

    /**
     * The image's part of a kept folder's name, {@code IMAGE-TIME-SIZE.felix}
     * (the build's stamp: the jar's time and size), else null. (Not a regular
     * expression: compiling one costs a cold JVM ~7 ms of its boot.)
     */
    static String imageOf(String name) {
        if (!name.endsWith(".felix")) {
            return null;
        }
        String rest = name.substring(0, name.length() - ".felix".length());
        for (int field = 0; field < 2; field++) {
            int dash = rest.lastIndexOf('-');
            if (dash <= 0 || dash == rest.length() - 1) {
                return null;
            }
            for (int i = dash + 1; i < rest.length(); i++) {
                if (!Character.isDigit(rest.charAt(i))) {
                    return null;
                }
            }
            rest = rest.substring(0, dash);
        }
        return rest;
    }

    /** Folders of older builds of the same image that no JVM uses any more. */
    private static void removeStale(Path dir) {
        String mine = imageOf(dir.getFileName().toString());
        if (mine == null) {
            return;
        }
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(dir.getParent(), "*.felix")) {
            for (Path other : siblings) {
                if (other.equals(dir) || !mine.equals(imageOf(other.getFileName().toString()))) {
                    continue;
                }
                FileChannel lock = tryLock(sibling(other, ".lock"));
                if (lock != null) {
                    delete(other);
                    for (String suffix : List.of(".state", ".state.partial")) {
                        delete(sibling(other, suffix));
                    }
                    try (lock) {
                        Files.deleteIfExists(sibling(other, ".lock"));
                    } catch (IOException e) {
                        // an empty lock file left behind
                    }
                }
            }
        } catch (IOException e) {
            // left for a later boot
        }
    }

    private static void delete(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> all = Files.walk(path)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // what is left is in a temporary folder or an old build's
        }
    }
}
