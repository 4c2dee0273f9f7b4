package pebbleos.itests;

import static org.ops4j.pax.exam.CoreOptions.options;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import pebbleos.api.fs.Mounts;
import pebbleos.api.process.Processes;

/**
 * The hostfs root cannot be escaped by a race: a host thread swaps a
 * directory of the disk for a link to a folder outside, back and forth in a
 * tight loop, while a Pebble program reads, writes, lists, makes and removes
 * directories, renames, changes modes and touches files under it. Nothing
 * outside may change (names, contents, modes, times) and no read or listing
 * may return what lies outside. Before hostfs walked paths from directory
 * handles, this let a program read outside files about a thousand times and
 * create dozens of files outside in half a minute.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HostfsRaceIT {
    /** How long the two race, in milliseconds: bounded so the build stays short ({@code -Dhostfs.race.millis}). */
    static final long RACE_MILLIS = Long.getLong("hostfs.race.millis", 20_000);

    @Configuration
    public Option[] config() {
        return options(Images.base(HostfsRaceIT.class), Kernel.withEngines("lang.vm"), Images.pebble("fs.hostfs"));
    }

    static final String WORKER = String.join("\n",
            "ops = 0",
            "failed = 0",
            "leaked = 0",
            "i = 0",
            "while not syscall(\"fs_exists\", \"/stop\"):",
            "    i = i + 1",
            "    for step in range(10):",
            "        try:",
            "            if step == 0:",
            "                text = syscall(\"fs_read\", \"/d/f\")",
            "                if text != \"inside\":",
            "                    leaked = leaked + 1",
            "            elif step == 1:",
            "                syscall(\"fs_write\", \"/d/new\" + str(i % 5), \"written \" + str(i))",
            "            elif step == 2:",
            "                syscall(\"fs_mkdir\", \"/d/sub/dir\" + str(i % 7))",
            "            elif step == 3:",
            "                syscall(\"fs_rmdir\", \"/d/sub/dir\" + str((i + 3) % 7))",
            "            elif step == 4:",
            "                syscall(\"fs_rename\", \"/d/new\" + str(i % 5), \"/d/sub/moved\" + str(i % 3))",
            "            elif step == 5:",
            "                syscall(\"fs_unlink\", \"/d/sub/moved\" + str((i + 1) % 3))",
            "            elif step == 6:",
            "                for name in syscall(\"fs_list\", \"/d\"):",
            "                    if name == \"secret\":",
            "                        leaked = leaked + 1",
            "            elif step == 7:",
            "                syscall(\"fs_touch\", \"/d/sub/f\")",
            "            elif step == 8:",
            "                syscall(\"fs_chmod\", \"/d/sub\", 448 + (i % 2) * 45)",
            "            else:",
            "                # one level at a time: a missing /d must not be made again here",
            "                deep = \"/d/sub/deep\" + str(i % 4)",
            "                for level in [deep, deep + \"/a\", deep + \"/a/b\"]:",
            "                    if not syscall(\"fs_exists\", level):",
            "                        syscall(\"fs_mkdir\", level)",
            "            ops = ops + 1",
            "        except e:",
            "            failed = failed + 1",
            "print str(ops) + \" \" + str(failed) + \" \" + str(leaked)",
            "");

    @Test
    public void aDirectorySwappedForAnOutsideLinkLetsNothingOut() throws Exception {
        Path base = FsImages.hostDirectory("race");
        Path disk = Files.createDirectories(base.resolve("disk"));
        Path outside = Files.createDirectories(base.resolve("outside"));
        // the outside mirrors the names under /d, so that an escaped call would succeed there
        Files.writeString(outside.resolve("f"), "OUTSIDE");
        Files.writeString(outside.resolve("secret"), "secret");
        Files.createDirectories(outside.resolve("sub"));
        Files.writeString(outside.resolve("sub/f"), "outside too");
        for (int k = 0; k < 5; k++) {
            Files.writeString(outside.resolve("new" + k), "outside " + k);
        }
        Path d = Files.createDirectories(disk.resolve("d"));
        Files.writeString(d.resolve("f"), "inside");
        Files.createDirectories(d.resolve("sub"));
        Files.writeString(d.resolve("sub/f"), "inside too");
        Path link = Files.createSymbolicLink(disk.resolve("d-link"), outside);
        Path parked = disk.resolve("d-dir");
        Map<String, String> before = snapshot(outside);

        Mounts mounts = FsImages.service(Mounts.class);
        mounts.mountRoot("hostfs", disk, false, 10_000);
        Processes processes = FsImages.service(Processes.class);
        CaptureChannel out = new CaptureChannel("out");
        CaptureChannel err = new CaptureChannel("err");
        int worker = Kernel.spawn(processes, "vm", WORKER, out, err);

        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong swaps = new AtomicLong();
        AtomicReference<IOException> swapFailed = new AtomicReference<>();
        Thread swapper = new Thread(() -> {
            while (!stop.get()) {
                try {
                    // d: directory -> link to the outside -> directory, each step one rename
                    Files.move(d, parked, StandardCopyOption.ATOMIC_MOVE);
                    Files.move(link, d, StandardCopyOption.ATOMIC_MOVE);
                    Files.move(d, link, StandardCopyOption.ATOMIC_MOVE);
                    Files.move(parked, d, StandardCopyOption.ATOMIC_MOVE);
                    swaps.incrementAndGet();
                } catch (IOException e) {
                    swapFailed.set(e);
                    return;
                }
            }
        }, "host-swapper");
        swapper.start();
        Thread.sleep(RACE_MILLIS);
        stop.set(true);
        swapper.join();
        Files.writeString(disk.resolve("stop"), "now");
        if (swapFailed.get() != null) {
            throw new AssertionError("the host's swap failed", swapFailed.get());
        }
        assertEquals(err.text(), 0, processes.waitFor(null, worker));

        String[] counts = out.text().trim().split(" ");
        long ops = Long.parseLong(counts[0]);
        System.out.printf("hostfs race: %d swaps, %d operations done, %s refused or missing, %s leaked%n",
                swaps.get(), ops, counts[1], counts[2]);
        assertEquals("reads or listings that saw the outside", "0", counts[2]);
        assertEquals("the outside folder changed", before, snapshot(outside));
        assertTrue("the program made progress: " + out.text(), ops > 10);
        assertTrue("the host thread swapped: " + swaps.get(), swaps.get() > 10);
        assertEquals("inside", Files.readString(d.resolve("f")));
    }

    /** Every entry under {@code dir}: kind, size, permissions, modification time and (files) content. */
    static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.toList()) {
                PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                String what = (a.isDirectory() ? "dir " : "file ") + a.size() + " "
                        + PosixFilePermissions.toString(a.permissions()) + " " + a.lastModifiedTime().toMillis();
                if (a.isRegularFile()) {
                    what += " " + Files.readString(p);
                }
                out.put(dir.relativize(p).toString(), what);
            }
        }
        return out;
    }
}
