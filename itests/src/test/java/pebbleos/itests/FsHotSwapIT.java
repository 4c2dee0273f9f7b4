package pebbleos.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.io.FileInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

import pebbleos.api.fs.Mounts;
import pebbleos.api.syscall.SyscallTable;
import pebbleos.api.value.PDict;
import pebbleos.api.value.PList;

/**
 * Replacing the root's backend bundle while a program writes and reads files
 * through the syscalls: 20 updates of {@code fs.mfs} (an in-memory tree that
 * must be handed over each time) and 20 of {@code fs.hostfs}. No call may
 * fail, no file may be lost, and a descriptor opened before the first swap
 * keeps working with its position. The longest wait of a call is printed.
 * Owners, groups and modes set before the updates are there after them.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FsHotSwapIT {
    private static final int UPDATES = 20;

    @Configuration
    public Option[] config() {
        return options(Images.base(FsHotSwapIT.class), FsImages.kernel(), FsImages.backend("fs.mfs"),
                FsImages.backend("fs.hostfs"), FsImages.backend("fs.vfs"));
    }

    @Test
    public void updatingFsMfsTwentyTimesLosesNothing() throws Exception {
        swapUnderLoad("mfs", "fs.mfs", UPDATES);
    }

    @Test
    public void updatingFsHostfsTwentyTimesLosesNothing() throws Exception {
        swapUnderLoad("hostfs", "fs.hostfs", UPDATES);
    }

    @Test
    public void updatingFsVfsKeepsThePersistentStore() throws Exception {
        swapUnderLoad("vfs-persistent", "fs.vfs", 5);
    }

    private void swapUnderLoad(String mode, String module, int updates) throws Exception {
        SyscallTable table = FsImages.service(SyscallTable.class);
        Mounts mounts = FsImages.service(Mounts.class);
        Path root = FsImages.hostDirectory("swap-" + mode);
        mounts.mountRoot(mode, root, false, 10_000);
        TestCaller caller = new TestCaller(table);
        table.invoke(caller, "fs_mkdir", new Object[] {"/w"});
        // owners and modes to find again after the swaps
        table.invoke(caller, "fs_write", new Object[] {"/owned", "secret"});
        table.invoke(caller, "fs_chown", new Object[] {"/owned", 1001L, 1002L});
        table.invoke(caller, "fs_chmod", new Object[] {"/owned", 0600L});
        table.invoke(caller, "fs_mkdir", new Object[] {"/sticky"});
        table.invoke(caller, "fs_chmod", new Object[] {"/sticky", 01777L});
        table.invoke(caller, "fs_write", new Object[] {"/sticky/set-uid", "x"});
        table.invoke(caller, "fs_chmod", new Object[] {"/sticky/set-uid", 04755L});
        long fd = (Long) table.invoke(caller, "fd_open", new Object[] {"/w/journal", "w+"});

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong written = new AtomicLong();
        AtomicLong longestNanos = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<?> writer = pool.submit(() -> {
            TestCaller c = new TestCaller(table);
            while (running.get()) {
                long i = written.get();
                long start = System.nanoTime();
                try {
                    table.invoke(c, "fs_write", new Object[] {"/w/f" + i, "content " + i});
                    Object back = table.invoke(c, "fs_read", new Object[] {"/w/f" + i});
                    if (!("content " + i).equals(back)) {
                        fail(failed, failures, "read back " + back + " for f" + i);
                    }
                    table.invoke(caller, "fd_write", new Object[] {fd, i + "\n"});
                    written.incrementAndGet();
                } catch (RuntimeException e) {
                    fail(failed, failures, e.toString());
                }
                longestNanos.accumulateAndGet(System.nanoTime() - start, Math::max);
            }
        });
        Bundle backend = FsImages.bundle(module);
        for (int u = 0; u < updates; u++) {
            Thread.sleep(40);
            try (InputStream in = new FileInputStream(Images.jar(module))) {
                backend.update(in);
            }
        }
        Thread.sleep(40);
        running.set(false);
        writer.get(30, TimeUnit.SECONDS);
        pool.shutdown();

        assertEquals("failed calls, the first: " + failures, 0, failed.get());
        long n = written.get();
        assertTrue("only " + n + " writes", n > updates);
        PList names = (PList) table.invoke(caller, "fs_list", new Object[] {"/w"});
        assertEquals(n + 1, names.size());
        for (long i = 0; i < n; i++) {
            assertEquals("content " + i, table.invoke(caller, "fs_read", new Object[] {"/w/f" + i}));
        }
        // the descriptor opened before the first swap wrote every line at the right place
        table.invoke(caller, "fd_seek", new Object[] {fd, 0L, 0L});
        String journal = (String) table.invoke(caller, "fd_read", new Object[] {fd});
        StringBuilder expected = new StringBuilder();
        for (long i = 0; i < n; i++) {
            expected.append(i).append('\n');
        }
        assertEquals(expected.toString(), journal);
        table.invoke(caller, "fd_close", new Object[] {fd});
        assertOwnership(table, caller, "/owned", 1001, 1002, 0600);
        assertOwnership(table, caller, "/sticky", 0, 0, 01777);
        assertOwnership(table, caller, "/sticky/set-uid", 0, 0, 04755);
        assertOwnership(table, caller, "/w/f0", 0, 0, 0644);

        PDict rootRow = (PDict) ((PList) table.invoke(caller, "fs_mounts", new Object[0])).get(0);
        assertEquals(mode, rootRow.get("mode"));
        assertEquals((long) updates, rootRow.get("swaps"));
        System.out.printf("hot swap of %s (%s): %d updates, %d writes, no failure; longest call %.1f ms, "
                + "longest wait for the successor %s ms over %s waits%n", module, mode, updates, n,
                longestNanos.get() / 1e6, rootRow.get("longest_wait_ms"), rootRow.get("swap_waits"));
        Map<String, Object> row = mounts.mounts().get(0);
        assertEquals(module, row.get("provider"));
    }

    private static void assertOwnership(SyscallTable table, TestCaller caller, String path, long uid, long gid,
            long mode) {
        PDict st = (PDict) table.invoke(caller, "fs_stat", new Object[] {path});
        assertEquals(path + " " + st, List.of(uid, gid, mode), List.of(st.get("uid"), st.get("gid"), st.get("mode")));
    }

    /** Count a failed call; keep the first few messages. */
    private static void fail(AtomicLong failed, List<String> failures, String message) {
        if (failed.incrementAndGet() <= 5) {
            failures.add(message);
        }
    }
}
