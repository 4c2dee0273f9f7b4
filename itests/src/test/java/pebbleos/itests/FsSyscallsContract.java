package pebbleos.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.Before;
import org.junit.Test;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.fs.Mounts;
import pebbleos.api.process.OpenFile;
import pebbleos.api.syscall.SyscallTable;
import pebbleos.api.value.PDict;
import pebbleos.api.value.PList;

/**
 * The {@code fs} family through the live syscall table, for one storage mode:
 * each subclass boots kernel.api, kernel.syscall, kernel.fs and one backend,
 * and mounts {@code /} in its mode on a fresh host directory before each test.
 */
public abstract class FsSyscallsContract {
    protected SyscallTable table;
    protected Mounts mounts;
    protected TestCaller caller;
    protected Path hostRoot;

    /** The storage mode under test. */
    protected abstract String mode();

    /** Put files in the host directory before the mount (the import modes and hostfs see them). */
    protected void seed(Path root) throws Exception {
    }

    @Before
    public void mountRoot() throws Exception {
        table = FsImages.service(SyscallTable.class);
        mounts = FsImages.service(Mounts.class);
        hostRoot = FsImages.hostDirectory(mode());
        seed(hostRoot);
        mounts.mountRoot(mode(), hostRoot, false, 10_000);
        caller = new TestCaller(table);
    }

    protected Object call(String name, Object... args) {
        return table.invoke(caller, name, args);
    }

    protected PebbleException failure(String name, Object... args) {
        try {
            call(name, args);
        } catch (PebbleException e) {
            return e;
        }
        throw new AssertionError(name + " should have failed");
    }

    protected void assertErrno(Errno errno, String name, Object... args) {
        PebbleException e = failure(name, args);
        assertEquals(e.getMessage(), errno, e.errno());
    }

    @Test
    public void createReadOverwriteAppendDelete() {
        assertEquals(mode(), call("fs_mode"));
        assertEquals(5L, call("fs_write", "/a.txt", "hello"));
        assertEquals("hello", call("fs_read", "/a.txt"));
        assertEquals(3L, call("fs_write", "/a.txt", "bye"));
        assertEquals(4L, call("fs_append", "/a.txt", " now"));
        assertEquals("bye now", call("fs_read", "/a.txt"));
        PDict stat = (PDict) call("fs_stat", "/a.txt");
        assertEquals("a.txt", stat.get("name"));
        assertEquals("/a.txt", stat.get("path"));
        assertEquals("file", stat.get("kind"));
        assertEquals(7L, stat.get("size"));
        assertTrue(stat.get("mtime") instanceof Double);
        assertEquals(1L, call("fs_exists", "a.txt"));
        assertEquals(0L, call("fs_unlink", "/a.txt"));
        assertEquals(0L, call("fs_exists", "/a.txt"));
        PebbleException e = failure("fs_read", "/a/b");
        assertEquals(Errno.NOENT, e.errno());
        assertEquals("fs_read: no such file or directory: /a/b", e.getMessage());
    }

    @Test
    public void directoriesEmptyAndNot() {
        call("fs_mkdir", "/d");
        call("fs_mkdirs", "/x/y/z");
        call("fs_mkdirs", "/x/y/z");
        assertEquals("dir", call("fs_kind", "/x/y/z"));
        assertEquals("", call("fs_kind", "/nothing"));
        call("fs_write", "/d/f", "x");
        PList top = (PList) call("fs_list", "/");
        assertTrue(top.toString(), top.toString().matches("\\[(.*, )?d, dev, (.*, )?system, x(, .*)?\\]"));
        assertErrno(Errno.NOTEMPTY, "fs_rmdir", "/d");
        assertErrno(Errno.EXIST, "fs_mkdir", "/d");
        assertErrno(Errno.ISDIR, "fs_unlink", "/d");
        assertErrno(Errno.ISDIR, "fs_read", "/d");
        assertErrno(Errno.NOTDIR, "fs_list", "/d/f");
        assertErrno(Errno.BUSY, "fs_rmdir", "/system");
        call("fs_unlink", "/d/f");
        call("fs_rmdir", "/d");
        assertEquals(PList.of("y"), call("fs_list", "/x"));
        PList stats = (PList) call("fs_list_stat", "/x/y");
        assertEquals("z", ((PDict) stats.get(0)).get("name"));
        assertEquals("dir", ((PDict) stats.get(0)).get("kind"));
        assertEquals(PList.of(), call("fs_list", "/x/y/z"));
    }

    @Test
    public void timesSizesUsageAndTouch() {
        PDict before = (PDict) call("fs_usage");
        call("fs_touch", "/t");
        assertEquals(0L, ((PDict) call("fs_stat", "/t")).get("size"));
        call("fs_touch", "/t", 1_000_000_000L);
        assertEquals(1.0e9, ((PDict) call("fs_stat", "/t")).get("mtime"));
        call("fs_mkdir", "/u");
        call("fs_write", "/u/f", "12345");
        PDict usage = (PDict) call("fs_usage");
        assertEquals(2L, (Long) usage.get("files") - (Long) before.get("files"));
        assertEquals(1L, (Long) usage.get("directories") - (Long) before.get("directories"));
        assertEquals(5L, (Long) usage.get("bytes") - (Long) before.get("bytes"));
    }

    @Test
    public void unicodeNamesAndContents() {
        String name = "/\u00fcber \u2713 \u65e5\u672c \ud83d\ude00.txt";
        String text = "\u03c0 \u2248 3.14 \u2713 \ud83d\ude00\n";
        assertEquals((long) text.codePointCount(0, text.length()), call("fs_write", name, text));
        assertEquals(text, call("fs_read", name));
        assertTrue(((PList) call("fs_list", "/")).toString().contains("\u00fcber \u2713"));
        long fd = (Long) call("fd_open", name, "r");
        // 3 bytes end inside the second character: the read completes it
        assertEquals("\u03c0 \u2248", call("fd_read", fd, 4L));
        call("fd_close", fd);
    }

    @Test
    public void copyIsBinarySafe() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            sb.append((char) ('a' + i % 26));
        }
        call("fs_write", "/src.txt", sb.toString());
        assertEquals("/dst.txt", call("fs_copy", "/src.txt", "/dst.txt"));
        assertEquals(sb.toString(), call("fs_read", "/dst.txt"));
        call("fs_mkdir", "/into");
        assertEquals("/into/src.txt", call("fs_copy", "/src.txt", "/into"));
    }

    @Test
    public void renameFilesAndDirectories() {
        call("fs_mkdirs", "/a/b");
        call("fs_write", "/a/b/f", "deep");
        call("fs_rename", "/a", "/moved");
        assertEquals("deep", call("fs_read", "/moved/b/f"));
        assertEquals(0L, call("fs_exists", "/a"));
        assertErrno(Errno.XDEV, "fs_rename", "/moved", "/system/moved");
        assertErrno(Errno.INVAL, "fs_rename", "/moved", "/moved/b/inside");
        assertErrno(Errno.NOENT, "fs_rename", "/none", "/other");
    }

    @Test
    public void manyFilesInOneDirectory() {
        call("fs_mkdir", "/many");
        for (int i = 0; i < 10_000; i++) {
            call("fs_write", "/many/f" + i, "n" + i);
        }
        assertEquals(10_000, ((PList) call("fs_list", "/many")).size());
        assertEquals("n4242", call("fs_read", "/many/f4242"));
    }

    @Test
    public void largeFileThroughDescriptors() {
        StringBuilder sb = new StringBuilder(50 * 1024 * 1024);
        for (int i = 0; sb.length() < 50 * 1024 * 1024; i++) {
            sb.append("line ").append(i).append('\n');
        }
        String big = sb.toString();
        call("fs_write", "/big", big);
        assertEquals((long) big.length(), ((PDict) call("fs_stat", "/big")).get("size"));
        long fd = (Long) call("fd_open", "/big", "r+");
        assertEquals(30_000_000L, call("fd_seek", fd, 30_000_000L, 0L));
        String piece = (String) call("fd_read", fd, 20L);
        assertEquals(big.substring(30_000_000, 30_000_020), piece);
        call("fd_seek", fd, 0L, 2L);
        call("fd_write", fd, "end\n");
        call("fd_close", fd);
        assertEquals((long) big.length() + 4, ((PDict) call("fs_stat", "/big")).get("size"));
    }

    /** fd_truncate cuts a file or extends it with zero bytes, on a descriptor open for writing only. */
    @Test
    public void truncateCutsAndExtendsWithZeroBytes() {
        call("fs_write", "/t.txt", "hello world\n");
        long fd = (Long) call("fd_open", "/t.txt", "a");
        assertEquals(0L, call("fd_truncate", fd, 5L));
        assertEquals(5L, ((PDict) call("fd_stat", fd)).get("size"));
        assertEquals(0L, call("fd_truncate", fd, 8L));
        call("fd_write", fd, "!");
        call("fd_close", fd);
        assertEquals("hello\0\0\0!", call("fs_read", "/t.txt"));
        fd = (Long) call("fd_open", "/t.txt", "r");
        assertErrno(Errno.INVAL, "fd_truncate", fd, 1L);
        call("fd_close", fd);
        fd = (Long) call("fd_open", "/t.txt", "r+");
        assertErrno(Errno.INVAL, "fd_truncate", fd, -1L);
        assertEquals(0L, call("fd_truncate", fd, 0L));
        call("fd_close", fd);
        assertEquals(0L, ((PDict) call("fs_stat", "/t.txt")).get("size"));
    }

    @Test
    public void escapesAreRefused() {
        PebbleException e = failure("fs_read", "../x");
        assertEquals(Errno.PERM, e.errno());
        assertEquals("fs_read: path escapes the root: ../x", e.getMessage());
        assertErrno(Errno.PERM, "fs_write", "/../escape", "x");
        assertErrno(Errno.PERM, "fs_write", "/a/../../escape", "x");
        assertErrno(Errno.PERM, "fs_mkdir", "../../tmp");
        assertErrno(Errno.PERM, "fd_open", "/../../etc/passwd", "r");
        assertErrno(Errno.INVAL, "fs_write", "/nul\0name", "x");
        assertErrno(Errno.INVAL, "fs_read", "..\\..\\x");
        assertEquals("/etc/passwd", call("fs_realpath", "/etc/passwd"));
        assertErrno(Errno.NOENT, "fs_read", "/etc/passwd");
        assertTrue(Files.notExists(hostRoot.getParent().resolve("escape")));
    }

    @Test
    public void descriptors() {
        long fd = (Long) call("fd_open", "/f.txt", "w");
        assertEquals(13L, call("fd_write", fd, "one\ntwo\nthr\u00e9"));
        PDict st = (PDict) call("fd_stat", fd);
        assertEquals("/f.txt", st.get("path"));
        assertEquals("file", st.get("kind"));
        assertEquals("w", st.get("mode"));
        assertEquals(0L, call("fd_isatty", fd));
        call("fd_close", fd);
        assertErrno(Errno.BADF, "fd_write", fd, "x");
        fd = (Long) call("fd_open", "/f.txt", "r");
        assertEquals("one\n", call("fd_readline", fd));
        assertEquals("two\n", call("fd_readline", fd));
        assertEquals("thr\u00e9", call("fd_readline", fd));
        assertEquals("", call("fd_readline", fd));
        assertEquals(0L, call("fd_seek", fd, 0L, 0L));
        assertEquals("one\ntwo\nthr\u00e9", call("fd_read", fd));
        assertEquals("", call("fd_read", fd));
        // the same bytes as they are: the two of the UTF-8 e-acute are two characters
        assertEquals(8L, call("fd_seek", fd, 8L, 0L));
        assertEquals("thr\u00c3", call("fd_read_bytes", fd, 4L));
        assertEquals("\u00a9", call("fd_read_bytes", fd));
        assertEquals("", call("fd_read_bytes", fd));
        long copy = (Long) call("fd_dup", fd);
        assertEquals(7L, call("fd_dup2", fd, 7L));
        PDict list = (PDict) call("fd_list");
        assertEquals("/f.txt", list.get(copy));
        assertEquals("/f.txt", list.get(7L));
        call("fd_close", fd);
        call("fd_close", copy);
        call("fd_close", 7L);
        long a = (Long) call("fd_open", "/f.txt", "a");
        call("fd_write", a, "\nfour");
        call("fd_close", a);
        assertTrue(((String) call("fs_read", "/f.txt")).endsWith("thr\u00e9\nfour"));
        assertErrno(Errno.INVAL, "fd_open", "/f.txt", "rw");
        assertErrno(Errno.NOENT, "fd_open", "/missing", "r");
        assertErrno(Errno.ISDIR, "fd_open", "/", "r");
    }

    @Test
    public void devNodes() {
        assertErrno(Errno.BADF, "fd_open", "/dev/stdin", "r");
        assertEquals(PList.of("null", "stderr", "stdin", "stdout", "tty"), call("fd_readdir", "/dev"));
        assertEquals("dev", call("fs_kind", "/dev/tty"));
        assertEquals("dir", call("fs_kind", "/dev"));
        long fd = (Long) call("fd_open", "/dev/null", "w");
        assertEquals(10L, call("fd_write", fd, "discard me"));
        call("fd_close", fd);
        assertEquals("", call("fs_read", "/dev/null"));
        CaptureChannel out = new CaptureChannel("captured stdout");
        caller.fds().installAt(1, new OpenFile(out, OpenFile.WRITE));
        long so = (Long) call("fd_open", "/dev/stdout", "w");
        call("fd_write", so, "to stdout");
        call("fs_write", "/dev/stdout", "!");
        assertEquals("to stdout!", out.text());
        assertEquals("captured stdout", ((PDict) call("fd_stat", so)).get("path"));
        assertErrno(Errno.INVAL, "fd_open", "/dev/stdout", "r");
        assertErrno(Errno.NOTTY, "fd_open", "/dev/tty", "r");
        assertErrno(Errno.PERM, "fs_unlink", "/dev/null");
        assertErrno(Errno.PERM, "fs_write", "/dev/new", "x");
    }

    @Test
    public void workingDirectory() {
        call("fs_mkdirs", "/home/user");
        assertEquals("/", call("fs_getcwd"));
        assertEquals("/home/user", call("fs_chdir", "home/user"));
        assertEquals("/home/user", call("fs_getcwd"));
        call("fs_write", "notes.txt", "relative");
        assertEquals("relative", call("fs_read", "/home/user/notes.txt"));
        assertEquals("/home/notes.txt", call("fs_realpath", "../notes.txt"));
        assertErrno(Errno.NOTDIR, "fs_chdir", "notes.txt");
        assertErrno(Errno.NOENT, "fs_chdir", "/nowhere");
        assertErrno(Errno.PERM, "fs_chdir", "../../..");
    }

    @Test
    public void systemIsReadOnlyAndBundleBacked() {
        assertTrue(((String) call("fs_read", "/system/kernel/fs.peb")).contains("def read(path):"));
        assertTrue(((PList) call("fs_list", "/system")).toString().contains("kernel"));
        assertErrno(Errno.ROFS, "fs_write", "/system/kernel/fs.peb", "x");
        assertErrno(Errno.ROFS, "fs_mkdir", "/system/new");
        assertErrno(Errno.ROFS, "fd_open", "/system/kernel/fs.peb", "a");
        PebbleException e = failure("fs_read", "/system/nothing");
        assertEquals("fs_read: no such file or directory: /system/nothing", e.getMessage());
        PList rows = (PList) call("fs_mounts");
        assertEquals(3, rows.size());
        assertEquals(mode(), ((PDict) rows.get(0)).get("mode"));
        assertEquals(1L, ((PDict) rows.get(2)).get("readonly"));
    }

    @Test
    public void linksAreRefusedNamingTheStorageMode() {
        call("fs_write", "/l.txt", "x");
        call("fs_mkdir", "/ld");
        PebbleException soft = failure("fs_symlink", "l.txt", "/s.txt");
        assertEquals(Errno.NOTSUP, soft.errno());
        assertEquals("fs_symlink: operation not supported: storage mode '" + mode() + "' has no symbolic links: /s.txt",
                soft.getMessage());
        PebbleException hard = failure("fs_link", "/l.txt", "/h.txt");
        assertEquals("fs_link: operation not supported: storage mode '" + mode() + "' has no hard links: /h.txt",
                hard.getMessage());
        assertErrno(Errno.EXIST, "fs_symlink", "x", "/l.txt");
        assertErrno(Errno.NOENT, "fs_symlink", "x", "/nowhere/s");
        assertErrno(Errno.NOENT, "fs_link", "/nothing", "/h2");
        assertErrno(Errno.PERM, "fs_link", "/ld", "/h3");
        assertErrno(Errno.ROFS, "fs_symlink", "x", "/system/s");
        assertErrno(Errno.XDEV, "fs_link", "/system/kernel/fs.peb", "/h4");
        assertEquals(0L, call("fs_exists", "/s.txt"));
    }

    @Test
    public void dfCountsEveryMount() {
        call("fs_write", "/df.txt", "12345");
        PList rows = (PList) call("fs_df");
        assertEquals(3, rows.size());
        PDict root = (PDict) rows.get(0);
        assertEquals("/", root.get("path"));
        assertEquals(mode(), root.get("mode"));
        assertTrue((Long) root.get("bytes") >= 5L);
        assertTrue((Long) root.get("files") >= 1L);
        long size = (Long) root.get("size");
        long avail = (Long) root.get("avail");
        assertTrue(size == -1L || size > 0 && avail >= 0 && avail <= size);
        PDict system = (PDict) rows.get(2);
        assertEquals("/system", system.get("path"));
        assertEquals(system.get("bytes"), system.get("size"));
        assertTrue((Long) system.get("files") >= 1L); // kernel.fs contributes system/kernel/fs.peb
    }

    @Test
    public void statsOfTheWholeSyscallTable() {
        List<String> names = List.of("fs_stat", "fs_exists", "fs_kind", "fs_list", "fs_list_stat", "fs_read",
                "fs_write", "fs_append", "fs_mkdir", "fs_mkdirs", "fs_rmdir", "fs_unlink", "fs_rename", "fs_copy",
                "fs_touch", "fs_usage", "fs_df", "fs_symlink", "fs_link", "fs_sync", "fs_mode", "fs_mounts", "fs_getcwd", "fs_chdir", "fs_realpath",
                "fd_open", "fd_read", "fd_read_bytes", "fd_write_bytes", "fd_readline", "fd_write", "fd_close", "fd_stat", "fd_seek", "fd_readdir",
                "fd_dup", "fd_dup2", "fd_isatty", "fd_list");
        for (String n : names) {
            if (!"fs".equals(table.table().get(n))) {
                fail(n + " is not in the fs family");
            }
        }
    }
}
