package pebbleos.lang.core.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.Stream;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.process.DetachedTask;
import pebbleos.api.value.PDict;
import pebbleos.api.value.PList;

/**
 * A stand-in kernel for engine unit tests: one process whose filesystem is a
 * host folder (with {@code /system} mapped to the system bundle's resources),
 * output collected in memory, input from a queue of lines. It implements just
 * the syscalls the language and the runtime API use; the real ones are the
 * kernel bundles'.
 */
public class HostContext extends DetachedTask {
    private final Path root;
    private final Path system;
    /** Safe points left before the program is killed (SIGKILL); negative for no limit. */
    private volatile long safePointsLeft = -1;
    /** Safe points the program passed. */
    public long safePoints;

    public HostContext(Path root, Path system) {
        super("/test", "test");
        this.root = root;
        this.system = system;
    }

    private static Path merged;

    /**
     * The /system tree as an image has it: every bundle's
     * {@code src/main/resources/system} of the repository (the system
     * bundle's runtime and libraries, the kernel modules of kernel.fs,
     * kernel.proc ...), merged into one folder once per test JVM, as the
     * /system extender merges the bundles' entries. Null outside a checkout.
     */
    public static synchronized Path systemTree() {
        if (merged != null) {
            return merged;
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("system/src/main/resources/system"))) {
                try {
                    merged = merge(p);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return merged;
            }
        }
        return null;
    }

    private static Path merge(Path repository) throws IOException {
        Path out = Files.createTempDirectory("pebble-system");
        // deleteOnExit would remove only an empty folder: remove the copy, files first, at exit
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Stream<Path> walk = Files.walk(out)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary folder left behind is harmless
            }
        }));
        try (Stream<Path> bundles = Files.list(repository)) {
            for (Path bundle : bundles.sorted().toList()) {
                Path tree = bundle.resolve("src/main/resources/system");
                if (!Files.isDirectory(tree)) {
                    continue;
                }
                try (Stream<Path> walk = Files.walk(tree)) {
                    for (Path from : walk.sorted().toList()) {
                        Path to = out.resolve(tree.relativize(from).toString());
                        if (Files.isDirectory(from)) {
                            Files.createDirectories(to);
                        } else if (!Files.exists(to)) {
                            Files.copy(from, to);
                        }
                    }
                }
            }
        }
        return out;
    }

    private Path host(String path) {
        String cwd = cwd();
        String abs = path.startsWith("/") ? path : (cwd.equals("/") ? "/" : cwd + "/") + path;
        Path base = root;
        String rest = abs;
        if ((abs.equals("/system") || abs.startsWith("/system/")) && system != null) {
            base = system;
            rest = abs.substring("/system".length());
        }
        Path p = base;
        for (String part : rest.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                throw new PebbleException(Errno.PERM, "path escapes the root: " + path);
            }
            p = p.resolve(part);
        }
        return p;
    }

    @Override
    public Object syscall(String name, Object... args) {
        try {
            return dispatch(name, args);
        } catch (IOException e) {
            throw new PebbleException(Errno.IO, name + ": " + e.getMessage());
        } catch (java.nio.file.InvalidPathException e) {
            // a name the host cannot represent (a lone surrogate from "\ud800"): refused like a kernel would
            throw new PebbleException(Errno.INVAL, name + ": invalid file name");
        }
    }

    private PDict stat(Path p, String asked) throws IOException {
        if (!Files.exists(p)) {
            throw new PebbleException(Errno.NOENT, "fs_stat: no such file or directory: " + asked);
        }
        double mtime = Files.getLastModifiedTime(p).toMillis() / 1000.0;
        return PDict.of("name", p.getFileName() == null ? "" : p.getFileName().toString(),
                "kind", Files.isDirectory(p) ? "dir" : "file", "size", Files.isDirectory(p) ? 0L : Files.size(p),
                "mtime", mtime, "ctime", mtime, "uid", (long) uid(), "gid", (long) gid(), "mode", 0644L);
    }

    private Object dispatch(String name, Object[] a) throws IOException {
        switch (name) {
            case "fs_kind": {
                Path p = host((String) a[0]);
                return Files.isDirectory(p) ? "dir" : Files.isRegularFile(p) ? "file" : "";
            }
            case "fs_read": {
                Path p = host((String) a[0]);
                if (!Files.isRegularFile(p)) {
                    throw new PebbleException(Errno.NOENT, "fs_read: no such file or directory: " + a[0]);
                }
                return Files.readString(p, StandardCharsets.UTF_8);
            }
            case "fs_write":
            case "fs_append": {
                Path p = host((String) a[0]);
                byte[] data = ((String) a[1]).getBytes(StandardCharsets.UTF_8);
                if (name.equals("fs_append")) {
                    Files.write(p, data, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                } else {
                    Files.write(p, data);
                }
                return (long) ((String) a[1]).length();
            }
            case "fs_unlink":
                Files.delete(host((String) a[0]));
                return 0L;
            case "fs_mkdirs":
                Files.createDirectories(host((String) a[0]));
                return 0L;
            case "fs_mkdir":
                Files.createDirectory(host((String) a[0]));
                return 0L;
            case "fs_rmdir":
                Files.delete(host((String) a[0]));
                return 0L;
            case "fs_list": {
                try (Stream<Path> s = Files.list(host((String) a[0]))) {
                    return PList.from(s.map(p -> p.getFileName().toString()).sorted().toList());
                }
            }
            case "fs_list_stat": {
                String dir = (String) a[0];
                try (Stream<Path> s = Files.list(host(dir))) {
                    PList out = new PList();
                    for (String entry : s.map(p -> p.getFileName().toString()).sorted().toList()) {
                        out.append(stat(host((dir.endsWith("/") ? dir : dir + "/") + entry), entry));
                    }
                    return out;
                }
            }
            case "fs_stat":
                return stat(host((String) a[0]), (String) a[0]);
            case "fs_getcwd":
                return cwd();
            case "fs_chdir":
                setCwd((String) a[0]);
                return 0L;
            case "fs_mode":
                return "hostfs";
            case "fs_sync":
                return 0L;
            case "fd_write": {
                long fd = (Long) a[0];
                (fd == 2 ? err : out).append((String) a[1]);
                return (long) ((String) a[1]).length();
            }
            case "clock_time":
                return System.currentTimeMillis() / 1000.0;
            case "clock_monotonic":
                return System.nanoTime() / 1_000_000L;
            case "clock_sleep":
                return 0L;
            case "clock_localtime": {
                double secs = a.length > 0 ? ((Number) a[0]).doubleValue() : System.currentTimeMillis() / 1000.0;
                ZonedDateTime t = Instant.ofEpochMilli((long) (secs * 1000)).atZone(ZoneId.systemDefault());
                return PDict.of("year", (long) t.getYear(), "month", (long) t.getMonthValue(), "day",
                        (long) t.getDayOfMonth(), "hour", (long) t.getHour(), "minute", (long) t.getMinute(),
                        "second", (long) t.getSecond());
            }
            default:
                throw new PebbleException(Errno.NOSYS, name + ": not in the test kernel");
        }
    }

    /**
     * Kill the program (as SIGKILL would: {@link pebbleos.api.process.Terminated}
     * with status 137) once it has passed {@code n} safe points (loop iterations,
     * calls), so that a generated program with an endless loop ends.
     */
    public void limitSafePoints(long n) {
        safePointsLeft = n;
        attention |= YIELD; // engines call safePoint() while attention is non-zero
    }

    @Override
    public void safePoint() {
        safePoints++;
        if (safePointsLeft >= 0 && --safePointsLeft < 0) {
            throw pebbleos.api.process.Terminated.bySignal(pebbleos.api.process.Signals.SIGKILL);
        }
    }
}
