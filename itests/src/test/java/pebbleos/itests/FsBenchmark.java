package pebbleos.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import pebbleos.api.fs.FileSystem;
import pebbleos.api.fs.MountRequest;
import pebbleos.api.fs.Ownership;
import pebbleos.api.fs.TreeSnapshot;
import pebbleos.api.fs.Volume;
import pebbleos.fs.hostfs.HostFileSystem;
import pebbleos.fs.mfs.MemoryFileSystem;
import pebbleos.fs.vfs.VfsFileSystem;
import pebbleos.fs.vfs.VfsStores;

/**
 * The filesystem benchmark (a program, not a test): in each mode, through the
 * {@link Volume} API, write and read 10,000 small files in one directory and
 * one 50 MB file; the same work with plain {@code java.nio} is the baseline.
 * Prints the median of 5 runs per phase. {@code -Dfs.bench.modes=hostfs,...}
 * keeps the baseline and the rows named. See docs/filesystems.md for the
 * command and the measured table.
 */
public final class FsBenchmark {
    private static final int FILES = 10_000;
    private static final int SMALL = 100;
    private static final int LARGE = 50 * 1024 * 1024;
    private static final int RUNS = 5;

    private FsBenchmark() {
    }

    /** One way of doing the work. */
    private interface Subject {
        void prepare(Path dir);

        void writeSmall(int i, byte[] data);

        byte[] readSmall(int i);

        void writeLarge(byte[] data);

        byte[] readLarge();

        void finish();
    }

    public static void main(String[] args) throws Exception {
        Path base = Files.createTempDirectory(args.length > 0 ? Path.of(args[0]) : Path.of(System.getProperty("java.io.tmpdir")),
                "pebble-fs-bench-");
        byte[] small = new byte[SMALL];
        byte[] large = new byte[LARGE];
        new Random(1).nextBytes(small);
        new Random(2).nextBytes(large);
        List<String> rows = new ArrayList<>();
        double[] baseline = null;
        List<String> names = new ArrayList<>(List.of("java.nio", "hostfs", "hostfs (root)", "mfs", "mfs-import",
                "vfs-import", "vfs-persistent"));
        String only = System.getProperty("fs.bench.modes");
        if (only != null) {
            // the baseline and the rows named (comma-separated): one mode's code before and after a change
            names.retainAll(List.of(("java.nio," + only).split(",")));
        }
        for (String name : names) {
            double[][] times = new double[4][RUNS];
            for (int run = -1; run < RUNS; run++) {
                Path dir = Files.createDirectory(base.resolve(name + "-" + (run + 1)));
                Subject s = subject(name);
                s.prepare(dir);
                double[] t = measure(s, small, large);
                s.finish();
                delete(dir);
                if (run >= 0) {
                    for (int k = 0; k < 4; k++) {
                        times[k][run] = t[k];
                    }
                }
            }
            double[] medians = new double[5];
            for (int k = 0; k < 4; k++) {
                Arrays.sort(times[k]);
                medians[k] = times[k][RUNS / 2];
                medians[4] += medians[k];
            }
            if (baseline == null) {
                baseline = medians;
            }
            rows.add(String.format("| %-14s | %8.0f | %8.0f | %8.0f | %8.0f | %8.0f | %5.2fx |", name, medians[0],
                    medians[1], medians[2], medians[3], medians[4], medians[4] / baseline[4]));
            System.err.println("done: " + name);
        }
        System.out.printf("10,000 files of %d bytes in one directory, one %d MB file; median of %d runs, ms%n%n",
                SMALL, LARGE >> 20, RUNS);
        System.out.println("| mode           | 10k write | 10k read | 50MB write | 50MB read | total | vs java |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        rows.forEach(System.out::println);
        delete(base);
    }

    private static double[] measure(Subject s, byte[] small, byte[] large) {
        double[] t = new double[4];
        long start = System.nanoTime();
        for (int i = 0; i < FILES; i++) {
            s.writeSmall(i, small);
        }
        t[0] = (System.nanoTime() - start) / 1e6;
        start = System.nanoTime();
        for (int i = 0; i < FILES; i++) {
            if (s.readSmall(i).length != SMALL) {
                throw new IllegalStateException("short read");
            }
        }
        t[1] = (System.nanoTime() - start) / 1e6;
        start = System.nanoTime();
        s.writeLarge(large);
        t[2] = (System.nanoTime() - start) / 1e6;
        start = System.nanoTime();
        if (s.readLarge().length != LARGE) {
            throw new IllegalStateException("short read");
        }
        t[3] = (System.nanoTime() - start) / 1e6;
        return t;
    }

    private static Subject subject(String name) {
        if (name.equals("java.nio")) {
            return new NioSubject();
        }
        FileSystem fs = switch (name) {
            case "hostfs", "hostfs (root)" -> new HostFileSystem();
            case "mfs", "mfs-import" -> new MemoryFileSystem();
            default -> new VfsFileSystem(new VfsStores());
        };
        // what a session's files are born with: the disk user's, 0644; hostfs keeps that in the host's bits,
        // root's files (the second hostfs row) are recorded in its owners store
        Ownership owner = name.equals("hostfs (root)") ? Ownership.ROOT_FILE : Ownership.diskUser(0644);
        return new VolumeSubject(fs, name.equals("hostfs (root)") ? "hostfs" : name, owner);
    }

    /** The baseline: plain java.nio on a host directory. */
    private static final class NioSubject implements Subject {
        private Path dir;

        @Override
        public void prepare(Path d) {
            dir = d;
            io(() -> Files.createDirectory(dir.resolve("small")));
        }

        @Override
        public void writeSmall(int i, byte[] data) {
            io(() -> Files.write(dir.resolve("small/f" + i), data));
        }

        @Override
        public byte[] readSmall(int i) {
            return io(() -> Files.readAllBytes(dir.resolve("small/f" + i)));
        }

        @Override
        public void writeLarge(byte[] data) {
            io(() -> Files.write(dir.resolve("large"), data));
        }

        @Override
        public byte[] readLarge() {
            return io(() -> Files.readAllBytes(dir.resolve("large")));
        }

        @Override
        public void finish() {
        }
    }

    /** A backend through the Volume API. */
    private static final class VolumeSubject implements Subject {
        private final FileSystem fs;
        private final String mode;
        private final Ownership owner;
        private Volume volume;

        VolumeSubject(FileSystem fs, String mode, Ownership owner) {
            this.fs = fs;
            this.mode = mode;
            this.owner = owner;
        }

        @Override
        public void prepare(Path dir) {
            volume = fs.mount(new MountRequest(mode, dir, null));
            volume.mkdir("/small", owner.withMode(0755));
        }

        @Override
        public void writeSmall(int i, byte[] data) {
            volume.write("/small/f" + i, data, false, owner);
        }

        @Override
        public byte[] readSmall(int i) {
            return volume.read("/small/f" + i);
        }

        @Override
        public void writeLarge(byte[] data) {
            volume.write("/large", data, false, owner);
        }

        @Override
        public byte[] readLarge() {
            return volume.read("/large");
        }

        @Override
        public void finish() {
            TreeSnapshot left = volume.detach();
            if (left != null) {
                left.discard();
            }
        }
    }

    private interface IoAction<T> {
        T run() throws IOException;
    }

    private static <T> T io(IoAction<T> action) {
        try {
            return action.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
