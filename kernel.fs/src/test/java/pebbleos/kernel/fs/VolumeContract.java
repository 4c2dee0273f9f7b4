package pebbleos.kernel.fs;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.fs.FileHandle;
import pebbleos.api.fs.FileStat;
import pebbleos.api.fs.Ownership;
import pebbleos.api.fs.TreeSnapshot;
import pebbleos.api.fs.Volume;

/**
 * What every {@link Volume} must do, whatever its storage: the contract the
 * kernel's mount table relies on. Each backend runs it for each of its modes
 * by extending this class (it ships in kernel.fs's test jar).
 */
public abstract class VolumeContract {
    /** 50 MiB, the large-file size of the acceptance criteria. */
    protected static final int LARGE = 50 * 1024 * 1024;
    protected static final int MANY = 10_000;

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    protected Path hostRoot;
    protected Volume volume;

    /** Mount a fresh volume of the mode under test on {@code hostRoot}. */
    protected abstract Volume mount(Path hostRoot);

    /**
     * Mount the successor of {@code old} as a hot swap does: detach it and
     * mount again, handing over what it gave up.
     */
    protected abstract Volume remount(Path hostRoot, TreeSnapshot handoff);

    @Before
    public void mountVolume() throws Exception {
        hostRoot = folder.newFolder("disk").toPath();
        volume = mount(hostRoot);
    }

    @After
    public void detachVolume() {
        if (volume != null) {
            close(volume);
        }
    }

    /** Detach a volume for good, as the mount table does when no successor takes it over. */
    public static void close(Volume v) {
        TreeSnapshot left = v.detach();
        if (left != null) {
            left.discard();
        }
    }

    protected static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    protected static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    protected static void assertErrno(Errno expected, Runnable action) {
        try {
            action.run();
            fail("expected " + expected);
        } catch (PebbleException e) {
            assertEquals(e.getMessage(), expected, e.errno());
        }
    }

    protected List<String> names(String directory) {
        List<String> out = new ArrayList<>();
        for (FileStat s : volume.list(directory)) {
            out.add(s.name());
        }
        return out;
    }

    @Test
    public void createReadAndOverwrite() {
        assertNull(volume.find("/a.txt"));
        volume.write("/a.txt", utf8("hello"), false);
        assertEquals("hello", text(volume.read("/a.txt")));
        FileStat s = volume.stat("/a.txt");
        assertEquals("a.txt", s.name());
        assertEquals(FileStat.FILE, s.kind());
        assertEquals(5, s.size());
        volume.write("/a.txt", utf8("bye"), false);
        assertEquals("bye", text(volume.read("/a.txt")));
        assertEquals(3, volume.stat("/a.txt").size());
        volume.write("/empty", new byte[0], false);
        assertEquals(0, volume.stat("/empty").size());
        assertEquals(0, volume.read("/empty").length);
        assertErrno(Errno.NOENT, () -> volume.read("/missing"));
        assertErrno(Errno.NOENT, () -> volume.stat("/missing"));
    }

    @Test
    public void appendExtendsAndCreates() {
        volume.write("/log", utf8("one\n"), true);
        volume.write("/log", utf8("two\n"), true);
        assertEquals("one\ntwo\n", text(volume.read("/log")));
        assertEquals(8, volume.stat("/log").size());
    }

    @Test
    public void deleteRemovesFilesOnly() {
        volume.write("/f", utf8("x"), false);
        volume.delete("/f");
        assertNull(volume.find("/f"));
        assertErrno(Errno.NOENT, () -> volume.delete("/f"));
        volume.mkdir("/d");
        assertErrno(Errno.ISDIR, () -> volume.delete("/d"));
    }

    @Test
    public void directoriesEmptyAndNot() {
        volume.mkdir("/d");
        assertTrue(volume.stat("/d").isDirectory());
        assertEquals(FileStat.DIRECTORY, volume.stat("/").kind());
        assertTrue(names("/").contains("d"));
        assertErrno(Errno.EXIST, () -> volume.mkdir("/d"));
        assertErrno(Errno.NOENT, () -> volume.mkdir("/no/such"));
        volume.write("/d/f", utf8("x"), false);
        volume.mkdir("/d/sub");
        assertEquals(List.of("f", "sub"), names("/d"));
        assertErrno(Errno.NOTEMPTY, () -> volume.rmdir("/d"));
        assertErrno(Errno.NOTDIR, () -> volume.rmdir("/d/f"));
        assertErrno(Errno.NOTDIR, () -> volume.list("/d/f"));
        assertErrno(Errno.NOTDIR, () -> volume.mkdir("/d/f/x"));
        assertErrno(Errno.ISDIR, () -> volume.read("/d"));
        assertErrno(Errno.ISDIR, () -> volume.write("/d", utf8("x"), false));
        assertErrno(Errno.NOENT, () -> volume.write("/no/such", utf8("x"), false));
        assertErrno(Errno.NOENT, () -> volume.list("/nothing"));
        volume.delete("/d/f");
        volume.rmdir("/d/sub");
        assertEquals(List.of(), names("/d"));
        volume.rmdir("/d");
        assertNull(volume.find("/d"));
        assertErrno(Errno.NOENT, () -> volume.rmdir("/d"));
    }

    @Test
    public void emptyDirectoriesSurviveASwap() {
        volume.mkdir("/empty");
        volume.mkdir("/full");
        volume.write("/full/f", utf8("content"), false);
        volume.setTime("/full/f", 1_600_000_000_000L);
        volume = remount(hostRoot, volume.detach());
        assertTrue(volume.stat("/empty").isDirectory());
        assertEquals(List.of(), names("/empty"));
        assertEquals("content", text(volume.read("/full/f")));
        assertEquals(1_600_000_000_000L, volume.stat("/full/f").mtime());
    }

    @Test
    public void nodesAreBornWithTheirOwnerGroupAndMode() {
        volume.write("/w", utf8("x"), false, new Ownership(1001, 1002, 0640));
        volume.write("/a", utf8("x"), true, new Ownership(1003, 1004, 0600));
        volume.mkdir("/d", new Ownership(1005, 1006, 0750 | Ownership.SET_GID));
        volume.open("/d/h", Volume.WRITE | Volume.CREATE, new Ownership(1007, 1008, 0604)).close();
        assertEquals(new Ownership(1001, 1002, 0640), volume.stat("/w").ownership());
        assertEquals(new Ownership(1003, 1004, 0600), volume.stat("/a").ownership());
        assertEquals(new Ownership(1005, 1006, 02750), volume.stat("/d").ownership());
        assertEquals(new Ownership(1007, 1008, 0604), volume.stat("/d/h").ownership());
        assertEquals(new Ownership(1007, 1008, 0604), volume.list("/d").get(0).ownership());
        assertEquals(new Ownership(1005, 1006, 02750), volume.node("/d").ownership());
        // writing an existing file keeps its owner whatever the writer would have given a new one
        volume.write("/w", utf8("y"), false, new Ownership(0, 0, 0777));
        volume.write("/w", utf8("z"), true, new Ownership(0, 0, 0777));
        volume.open("/w", Volume.WRITE | Volume.CREATE | Volume.TRUNCATE, new Ownership(0, 0, 0777)).close();
        assertEquals(new Ownership(1001, 1002, 0640), volume.stat("/w").ownership());
    }

    /** The search-permission check's chain: what node() says of each prefix, in one call, ending before a missing one or a file. */
    @Test
    public void directoriesAboveAreWhatNodeSaysOfEachPrefix() {
        volume.mkdir("/a", new Ownership(1001, 1002, 0751));
        volume.mkdir("/a/b", new Ownership(1003, 1004, 0710));
        volume.mkdir("/a/b/c", new Ownership(1005, 1006, 0700));
        volume.write("/a/f", utf8("x"), false, new Ownership(1007, 1008, 0644));
        assertEquals(ownerships("/", "/a", "/a/b", "/a/b/c"), ownerships(volume.directoriesAbove("/a/b/c/x")));
        assertEquals(ownerships("/", "/a", "/a/b"), ownerships(volume.directoriesAbove("/a/b/c")));
        assertEquals(ownerships("/", "/a"), ownerships(volume.directoriesAbove("/a/f/x/y")));
        assertEquals(ownerships("/", "/a"), ownerships(volume.directoriesAbove("/a/missing/x")));
        assertEquals(ownerships("/"), ownerships(volume.directoriesAbove("/top")));
        for (FileStat d : volume.directoriesAbove("/a/b/c/x")) {
            assertTrue(d.name(), d.isDirectory());
        }
    }

    private List<Ownership> ownerships(String... paths) {
        List<Ownership> out = new ArrayList<>();
        for (String p : paths) {
            out.add(volume.node(p).ownership());
        }
        return out;
    }

    private static List<Ownership> ownerships(List<FileStat> nodes) {
        List<Ownership> out = new ArrayList<>();
        for (FileStat n : nodes) {
            out.add(n.ownership());
        }
        return out;
    }

    @Test
    public void chmodAndChownChangeOnlyWhatTheySay() {
        volume.write("/f", utf8("x"), false, new Ownership(1000, 1000, 0644));
        volume.mkdir("/d", new Ownership(1000, 1000, 0755));
        volume.chmod("/f", 04711);
        assertEquals(new Ownership(1000, 1000, 04711), volume.stat("/f").ownership());
        volume.chown("/f", 0, 10);
        assertEquals(new Ownership(0, 10, 04711), volume.stat("/f").ownership());
        volume.chmod("/d", 01777);
        volume.chown("/d", 7, 8);
        assertEquals(new Ownership(7, 8, 01777), volume.stat("/d").ownership());
        assertEquals("x", text(volume.read("/f")));
        assertErrno(Errno.NOENT, () -> volume.chmod("/none", 0644));
        assertErrno(Errno.NOENT, () -> volume.chown("/none", 1, 1));
    }

    @Test
    public void renamesKeepOwnersAndNewNodesDoNotInheritOldOnes() {
        volume.mkdir("/d", new Ownership(0, 0, 0700));
        volume.mkdir("/d/sub", new Ownership(5, 5, 0750));
        volume.write("/d/sub/f", utf8("x"), false, new Ownership(6, 6, 0600));
        volume.write("/g", utf8("x"), false, new Ownership(9, 9, 0640));
        volume.rename("/d", "/e");
        volume.rename("/g", "/e/g");
        assertEquals(new Ownership(0, 0, 0700), volume.stat("/e").ownership());
        assertEquals(new Ownership(5, 5, 0750), volume.stat("/e/sub").ownership());
        assertEquals(new Ownership(6, 6, 0600), volume.stat("/e/sub/f").ownership());
        assertEquals(new Ownership(9, 9, 0640), volume.stat("/e/g").ownership());
        // a file replaced by a rename takes the owner of what replaced it
        volume.write("/h", utf8("h"), false, new Ownership(3, 3, 0666));
        volume.rename("/e/g", "/h");
        assertEquals(new Ownership(9, 9, 0640), volume.stat("/h").ownership());
        // what is made again where something was removed is born with its own owner
        volume.delete("/e/sub/f");
        volume.rmdir("/e/sub");
        volume.mkdir("/e/sub", new Ownership(1000, 1000, 0755));
        volume.write("/e/sub/f", utf8("y"), false, new Ownership(1000, 1000, 0644));
        assertEquals(new Ownership(1000, 1000, 0755), volume.stat("/e/sub").ownership());
        assertEquals(new Ownership(1000, 1000, 0644), volume.stat("/e/sub/f").ownership());
        assertNull(volume.find("/d"));
    }

    @Test
    public void ownersAndModesSurviveASwap() {
        volume.mkdir("/etc", new Ownership(0, 0, 0755));
        volume.write("/etc/shadow", utf8("root:!:"), false, new Ownership(0, 0, 0600));
        volume.mkdir("/tmp", new Ownership(0, 0, 01777));
        volume.write("/tmp/mine", utf8("x"), false, new Ownership(1000, 1000, 0600));
        volume.chmod("/tmp/mine", 0640);
        volume = remount(hostRoot, volume.detach());
        assertEquals(new Ownership(0, 0, 0755), volume.stat("/etc").ownership());
        assertEquals(new Ownership(0, 0, 0600), volume.stat("/etc/shadow").ownership());
        assertEquals(new Ownership(0, 0, 01777), volume.stat("/tmp").ownership());
        assertEquals(new Ownership(1000, 1000, 0640), volume.stat("/tmp/mine").ownership());
        assertEquals("root:!:", text(volume.read("/etc/shadow")));
    }

    @Test
    public void timesAreKeptAndSet() {
        long before = System.currentTimeMillis() - 2000;
        volume.write("/t", utf8("x"), false);
        FileStat s = volume.stat("/t");
        assertTrue(s.mtime() >= before);
        assertTrue(s.ctime() > 0);
        volume.setTime("/t", 1_500_000_000_000L);
        assertEquals(1_500_000_000_000L, volume.stat("/t").mtime());
        volume.mkdir("/dir");
        volume.setTime("/dir", 1_400_000_000_000L);
        assertEquals(1_400_000_000_000L, volume.stat("/dir").mtime());
        assertErrno(Errno.NOENT, () -> volume.setTime("/none", 1L));
        volume.write("/t", utf8("later"), true);
        assertTrue(volume.stat("/t").mtime() >= before);
    }

    @Test
    public void unicodeNamesAndContents() {
        String name = "h\u00e9llo w\u00f6rld \u2713 \u65e5\u672c \ud83d\ude00.txt";
        String content = "\u03c0 \u2248 3.14159 \u2713 \ud83d\ude00 \u65e5\u672c\u8a9e\n";
        volume.mkdir("/\u00fcber");
        volume.write("/\u00fcber/" + name, utf8(content), false);
        assertEquals(List.of(name), names("/\u00fcber"));
        assertEquals(content, text(volume.read("/\u00fcber/" + name)));
        assertEquals(utf8(content).length, volume.stat("/\u00fcber/" + name).size());
        assertTrue(names("/").contains("\u00fcber"));
    }

    @Test
    public void contentsAreBinarySafe() {
        byte[] all = new byte[256 * 4];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        volume.write("/bin", all, false);
        assertArrayEquals(all, volume.read("/bin"));
        FileHandle h = volume.open("/bin", Volume.READ);
        byte[] back = new byte[all.length];
        int got = 0;
        int n;
        while ((n = h.read(got, back, got, back.length - got)) > 0) {
            got += n;
        }
        h.close();
        assertArrayEquals(all, back);
    }

    @Test
    public void largeFileWholeAndAtRandomOffsets() {
        byte[] data = new byte[LARGE];
        new Random(42).nextBytes(data);
        volume.write("/big", data, false);
        assertEquals(LARGE, volume.stat("/big").size());
        assertArrayEquals(data, volume.read("/big"));
        FileHandle h = volume.open("/big", Volume.READ | Volume.WRITE);
        Random r = new Random(7);
        for (int i = 0; i < 50; i++) {
            int at = r.nextInt(LARGE - 5000);
            byte[] patch = new byte[1 + r.nextInt(4000)];
            r.nextBytes(patch);
            h.write(at, patch, 0, patch.length);
            System.arraycopy(patch, 0, data, at, patch.length);
        }
        byte[] tail = utf8("the end");
        h.write(LARGE - 3, tail, 0, tail.length);
        data = java.util.Arrays.copyOf(data, LARGE - 3 + tail.length);
        System.arraycopy(tail, 0, data, LARGE - 3, tail.length);
        assertEquals(data.length, h.size());
        byte[] middle = new byte[70_000];
        assertEquals(middle.length, readFully(h, 20_000_000, middle));
        assertArrayEquals(java.util.Arrays.copyOfRange(data, 20_000_000, 20_070_000), middle);
        h.close();
        assertArrayEquals(data, volume.read("/big"));
    }

    @Test
    public void manyFilesInOneDirectory() {
        volume.mkdir("/many");
        for (int i = 0; i < MANY; i++) {
            volume.write("/many/f" + i, utf8("file " + i), false);
        }
        List<String> names = names("/many");
        assertEquals(MANY, names.size());
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(null);
        assertEquals(sorted, names);
        assertEquals("file 9999", text(volume.read("/many/f9999")));
        assertEquals(MANY, volume.stat("/many").size());
        Volume.Usage u = volume.usage();
        assertEquals(MANY, u.files());
        assertEquals(1, u.directories());
    }

    @Test
    public void renameFilesAndDirectories() {
        volume.write("/a", utf8("A"), false);
        volume.rename("/a", "/b");
        assertNull(volume.find("/a"));
        assertEquals("A", text(volume.read("/b")));
        volume.write("/c", utf8("C"), false);
        volume.rename("/b", "/c");
        assertEquals("A", text(volume.read("/c")));
        volume.mkdir("/d");
        volume.mkdir("/d/e");
        volume.write("/d/e/f", utf8("deep"), false);
        volume.mkdir("/x");
        volume.rename("/d", "/x/moved");
        assertNull(volume.find("/d"));
        assertEquals("deep", text(volume.read("/x/moved/e/f")));
        assertEquals(List.of("e"), names("/x/moved"));
        assertErrno(Errno.NOENT, () -> volume.rename("/nothing", "/y"));
        assertErrno(Errno.NOENT, () -> volume.rename("/c", "/no/such/place"));
        volume.mkdir("/full");
        volume.write("/full/f", utf8("x"), false);
        volume.mkdir("/other");
        assertErrno(Errno.NOTEMPTY, () -> volume.rename("/other", "/full"));
    }

    @Test
    public void handlesReadWriteTruncate() {
        FileHandle h = volume.open("/h", Volume.READ | Volume.WRITE | Volume.CREATE);
        h.write(0, utf8("hello world"), 0, 11);
        h.write(6, utf8("there"), 0, 5);
        assertEquals(11, h.size());
        byte[] buf = new byte[64];
        assertEquals(11, h.read(0, buf, 0, 64));
        assertEquals("hello there", new String(buf, 0, 11, StandardCharsets.UTF_8));
        assertEquals(-1, h.read(11, buf, 0, 64));
        h.truncate(5);
        assertEquals(5, h.size());
        h.close();
        assertEquals("hello", text(volume.read("/h")));
        assertErrno(Errno.NOENT, () -> volume.open("/nope", Volume.READ));
        assertErrno(Errno.EXIST, () -> volume.open("/h", Volume.WRITE | Volume.CREATE | Volume.EXCLUSIVE));
        volume.mkdir("/dir");
        assertErrno(Errno.ISDIR, () -> volume.open("/dir", Volume.READ));
        FileHandle t = volume.open("/h", Volume.WRITE | Volume.TRUNCATE);
        assertEquals(0, t.size());
        t.close();
    }

    @Test
    public void usageCountsFilesDirectoriesAndBytes() {
        volume.mkdir("/a");
        volume.mkdir("/a/b");
        volume.write("/a/b/f", new byte[100], false);
        volume.write("/g", new byte[23], false);
        Volume.Usage u = volume.usage();
        assertEquals(2, u.files());
        assertEquals(2, u.directories());
        assertEquals(123, u.bytes());
    }

    @Test
    public void escapeAttemptsAreRefusedWithPerm() {
        volume.mkdir("/a");
        String[] bad = {"/..", "/../x", "/../../etc/passwd", "/a/../../x", "../x", "x", "",
                "/a/./b", "/a//b", "/a/", "/x\0y", "/a\\..\\..\\x"};
        for (String p : bad) {
            assertErrno(Errno.PERM, () -> volume.find(p));
            assertErrno(Errno.PERM, () -> volume.stat(p));
            assertErrno(Errno.PERM, () -> volume.read(p));
            assertErrno(Errno.PERM, () -> volume.write(p, utf8("x"), false));
            assertErrno(Errno.PERM, () -> volume.mkdir(p));
            assertErrno(Errno.PERM, () -> volume.list(p));
            assertErrno(Errno.PERM, () -> volume.delete(p));
            assertErrno(Errno.PERM, () -> volume.open(p, Volume.WRITE | Volume.CREATE));
            assertErrno(Errno.PERM, () -> volume.rename("/a", p));
        }
        assertNotNull(volume.find("/a"));
        assertFalse(names("/").contains(".."));
    }

    protected static int readFully(FileHandle h, long position, byte[] into) {
        int got = 0;
        int n;
        while (got < into.length && (n = h.read(position + got, into, got, into.length - got)) > 0) {
            got += n;
        }
        return got;
    }
}
