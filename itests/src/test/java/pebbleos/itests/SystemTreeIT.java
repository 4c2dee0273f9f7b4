package pebbleos.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Hashtable;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.console.Console;
import pebbleos.api.fs.Mounts;
import pebbleos.api.process.Channel;
import pebbleos.api.syscall.SyscallTable;
import pebbleos.api.value.PDict;
import pebbleos.api.value.PList;

/**
 * {@code /system} composed from bundles by the extender: installing a bundle
 * with a {@code Pebble-System} header adds its files (merged with the others),
 * uninstalling removes them; writes are refused unless system writes are
 * allowed, and then stay in memory. Also {@code /dev/tty} on the
 * highest-ranked console.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SystemTreeIT {
    @Configuration
    public Option[] config() {
        return options(Images.base(SystemTreeIT.class), FsImages.kernel(), FsImages.backend("fs.mfs"));
    }

    private SyscallTable table;
    private TestCaller caller;

    private Object call(String name, Object... args) {
        return table.invoke(caller, name, args);
    }

    private void setUp(boolean systemWritable) {
        table = FsImages.service(SyscallTable.class);
        FsImages.service(Mounts.class).mountRoot("mfs", FsImages.hostDirectory("system"), systemWritable, 10_000);
        caller = new TestCaller(table);
    }

    /** A bundle that only carries Pebble files under {@code folder}. */
    private static byte[] contributionBundle(String name, String folder, String... pathsAndContents) throws Exception {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
        a.putValue(Constants.BUNDLE_SYMBOLICNAME, name);
        a.putValue(Constants.BUNDLE_VERSION, "1.0.0");
        a.putValue("Pebble-System", folder);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, m)) {
            for (int i = 0; i < pathsAndContents.length; i += 2) {
                jar.putNextEntry(new JarEntry(pathsAndContents[i]));
                jar.write(pathsAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static Bundle install(String name, byte[] jar) throws Exception {
        BundleContext context = FrameworkUtil.getBundle(SystemTreeIT.class).getBundleContext();
        Bundle b = context.installBundle("test:" + name, new ByteArrayInputStream(jar));
        b.start();
        return b;
    }

    @Test
    public void installingAddsFilesAndUninstallingRemovesThem() throws Exception {
        setUp(false);
        assertTrue(((PList) call("fs_list", "/system/kernel")).toString().contains("fs.peb"));
        Bundle tools = install("test.tools", contributionBundle("test.tools", "pebble",
                "pebble/bin/ls.peb", "print \"ls\"\n", "pebble/lib/util.peb", "def id(x):\n    return x\n",
                "other/ignored.peb", "x"));
        Bundle more = install("test.more", contributionBundle("test.more", "system/",
                "system/bin/cat.peb", "print \"cat\"\n"));
        try {
            assertEquals(PList.of("cat.peb", "ls.peb"), call("fs_list", "/system/bin"));
            assertEquals("print \"ls\"\n", call("fs_read", "/system/bin/ls.peb"));
            assertEquals("file", call("fs_kind", "/system/lib/util.peb"));
            assertEquals("", call("fs_kind", "/system/other"));
            PList top = (PList) call("fs_list", "/system");
            assertTrue(top.toString(), top.toString().contains("bin") && top.toString().contains("kernel"));
            PDict stat = (PDict) call("fs_stat", "/system/bin/ls.peb");
            assertEquals(11L, stat.get("size"));
            String provider = (String) ((PDict) ((PList) call("fs_mounts")).get(2)).get("provider");
            assertTrue(provider, provider.contains("test.tools") && provider.contains("kernel.fs"));
            PebbleException e = expectFailure("fs_write", "/system/bin/ls.peb", "x");
            assertEquals(Errno.ROFS, e.errno());
            assertEquals("fs_write: read-only file system: /system/bin/ls.peb", e.getMessage());
        } finally {
            tools.uninstall();
        }
        assertEquals(PList.of("cat.peb"), call("fs_list", "/system/bin"));
        assertEquals(0L, call("fs_exists", "/system/lib/util.peb"));
        more.uninstall();
        assertEquals(0L, call("fs_exists", "/system/bin"));
    }

    @Test
    public void systemWritesGoToAnInMemoryOverlay() throws Exception {
        setUp(true);
        call("fs_write", "/system/kernel/fs.peb", "patched");
        call("fs_mkdir", "/system/new");
        call("fs_write", "/system/new/x.peb", "added");
        assertEquals("patched", call("fs_read", "/system/kernel/fs.peb"));
        assertEquals("added", call("fs_read", "/system/new/x.peb"));
        call("fs_unlink", "/system/kernel/fs.peb");
        assertEquals(0L, call("fs_exists", "/system/kernel/fs.peb"));
        assertEquals(0L, ((PDict) ((PList) call("fs_mounts")).get(2)).get("readonly"));
        setUp(false);
        assertEquals(Errno.ROFS, expectFailure("fs_write", "/system/new/y.peb", "x").errno());
    }

    @Test
    public void devTtyOpensTheHighestRankedConsole() throws Exception {
        setUp(false);
        StringBuilder low = new StringBuilder();
        StringBuilder high = new StringBuilder();
        BundleContext context = FrameworkUtil.getBundle(SystemTreeIT.class).getBundleContext();
        Hashtable<String, Object> lowProps = new Hashtable<>();
        lowProps.put(Constants.SERVICE_RANKING, -10);
        Hashtable<String, Object> highProps = new Hashtable<>();
        highProps.put(Constants.SERVICE_RANKING, 10);
        ServiceRegistration<Console> a = context.registerService(Console.class, new FakeConsole(low), lowProps);
        ServiceRegistration<Console> b = context.registerService(Console.class, new FakeConsole(high), highProps);
        try {
            long fd = (Long) call("fd_open", "/dev/tty", "w");
            assertEquals(1L, call("fd_isatty", fd));
            call("fd_write", fd, "hello tty");
            assertEquals("/dev/tty", ((PDict) call("fd_stat", fd)).get("path"));
            assertEquals("dev", ((PDict) call("fd_stat", fd)).get("kind"));
            call("fd_close", fd);
            assertEquals("hello tty", high.toString());
            assertEquals("", low.toString());
            long in = (Long) call("fd_open", "/dev/tty", "r");
            assertEquals("typed\n", call("fd_readline", in));
            assertTrue(caller.states.contains("blocked-input") || caller.states.isEmpty());
            call("fd_close", in);
        } finally {
            a.unregister();
            b.unregister();
        }
        assertEquals(Errno.NOTTY, expectFailure("fd_open", "/dev/tty", "w").errno());
        assertFalse(((PList) call("fs_list", "/")).isEmpty());
    }

    private PebbleException expectFailure(String name, Object... args) {
        try {
            call(name, args);
        } catch (PebbleException e) {
            return e;
        }
        throw new AssertionError(name + " should have failed");
    }

    /** A console whose terminal channel records output and reads one line. */
    private static final class FakeConsole implements Console {
        private final StringBuilder out;

        FakeConsole(StringBuilder out) {
            this.out = out;
        }

        @Override
        public boolean isTerminal() {
            return true;
        }

        @Override
        public Channel channel(int stream) {
            return new Channel() {
                private final byte[] input = "typed\nmore".getBytes(StandardCharsets.UTF_8);
                private int position;

                @Override
                public int read(byte[] buffer, int offset, int len) {
                    if (position >= input.length) {
                        return -1;
                    }
                    int n = Math.min(len, input.length - position);
                    System.arraycopy(input, position, buffer, offset, n);
                    position += n;
                    return n;
                }

                @Override
                public void write(byte[] buffer, int offset, int len) {
                    out.append(new String(buffer, offset, len, StandardCharsets.UTF_8));
                }

                @Override
                public pebbleos.api.fs.FileStat stat() {
                    return new pebbleos.api.fs.FileStat("tty", pebbleos.api.fs.FileStat.DEVICE, 0, 0, 0);
                }

                @Override
                public boolean isTerminal() {
                    return true;
                }

                @Override
                public String describe() {
                    return "/dev/tty";
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public String readLine(String prompt) {
            return null;
        }

        @Override
        public String readKey(long timeoutMillis) {
            return null;
        }

        @Override
        public int rows() {
            return 24;
        }

        @Override
        public int cols() {
            return 80;
        }

        @Override
        public String mode() {
            return "cooked";
        }

        @Override
        public void write(String text) {
            out.append(text);
        }

        @Override
        public void flush() {
        }
    }
}
