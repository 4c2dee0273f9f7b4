package pebbleos.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;

/**
 * Every image of distro/ is exported by the build and boots: the full image,
 * the minimal one (no VM, no VFS, no JLine, no Gogo: its commands say so)
 * and the developer image with the Gogo console and bridge.
 */
public class ImagesIT {
    @Test
    public void fullImageBootsEveryBundleActive() throws Exception {
        Launcher.Result r = Launcher.run("pebbleos", List.of(), "", "--bundles");
        assertEquals(r.err(), 0, r.status());
        for (String line : r.out().split("\n")) {
            assertTrue(line, line.endsWith("Active"));
        }
        for (String bundle : List.of("kernel.syscall", "kernel.auth", "kernel.proc", "kernel.thread", "kernel.fs", "fs.hostfs",
                "fs.mfs", "fs.vfs", "lang.interp", "system", "kernel.service", "gogo.bridge")) {
            assertTrue(bundle, r.out().contains(" " + bundle + " "));
        }
        // what a boot can go without waits at start level 2; --bundles raised it
        for (String line : r.out().split("\n")) {
            boolean deferred = line.matches(".* (fs\\.mfs|fs\\.vfs|org\\.apache\\.felix\\.configadmin"
                    + "|org\\.apache\\.felix\\.gogo\\.(runtime|command|shell)) .*");
            assertTrue(line, line.contains(deferred ? " level 2 " : line.startsWith("0 ") ? " level 0 " : " level 1 "));
        }
    }

    @Test
    public void aOneCommandBootStartsOnlyWhatItsModeNeeds() throws Exception {
        String fsRows = "lsmod | grep '^fs '";
        Launcher.Result host = Launcher.run("pebbleos", List.of(), "", "--root",
                Launcher.freshRoot("full").toString(), "-c", fsRows);
        assertEquals(host.err(), 0, host.status());
        assertEquals(List.of("hostfs"), backends(host.out()));
        Launcher.Result mfs = Launcher.run("pebbleos", List.of(), "", "--root",
                Launcher.freshRoot("full").toString(), "--fs-mode", "mfs", "-c", "pwd; " + fsRows);
        assertEquals(mfs.err(), 0, mfs.status());
        assertTrue(mfs.out(), mfs.out().startsWith("/\n") && backends(mfs.out()).contains("mfs"));
        // starting a parked bundle by hand (root's business) starts it now, not at a start level nobody raises
        Launcher.Result started = Launcher.run("pebbleos", List.of(), "", "--root",
                Launcher.freshRoot("full").toString(), "--user", "root", "-c", "modctl start fs.vfs; " + fsRows);
        assertEquals(started.err(), 0, started.status());
        assertTrue(started.out(), backends(started.out()).contains("vfs-persistent"));
    }

    /** The NAME column of lsmod's fs rows. */
    private static List<String> backends(String lsmod) {
        List<String> names = new java.util.ArrayList<>();
        for (String line : lsmod.split("\n")) {
            if (line.startsWith("fs ")) {
                names.add(line.trim().split(" +")[1]);
            }
        }
        return names;
    }

    @Test
    public void fullImageRunsCommandsAndKeepsGogoOff() throws Exception {
        Launcher.Result r = Launcher.run("pebbleos", List.of(), "", "--root",
                Launcher.freshRoot("full").toString(), "-c", "pwd; lsmod | grep -c family; gogo lb");
        assertEquals(1, r.status());
        assertTrue(r.out(), r.out().startsWith("/\n"));
        assertTrue(r.err(), r.err().contains("gogo: the Gogo bridge is disabled (boot with --gogo)"));
    }

    @Test
    public void minimalImageHasNoVmVfsJlineOrGogo() throws Exception {
        Launcher.Result bundles = Launcher.run("minimal", List.of(), "", "--bundles");
        assertEquals(bundles.err(), 0, bundles.status());
        for (String absent : List.of("lang.vm", "fs.vfs", "jline", "gogo", "tty.console")) {
            assertFalse(absent, bundles.out().toLowerCase().contains(absent));
        }
        // hostfs keeps its owners in an MVStore, and every image has the password hashes
        assertTrue(bundles.out(), bundles.out().contains("com.h2database.mvstore") && bundles.out().contains("kernel.auth"));
        Launcher.Result r = Launcher.run("minimal", List.of(), "", "--root",
                Launcher.freshRoot("minimal").toString(), "-c", "pwd; exec prog.peb");
        assertEquals(127, r.status());
        assertEquals("/\n", r.out());
        assertTrue(r.err(), r.err().contains("exec: no bytecode engine in this image"));
        Launcher.Result vfs = Launcher.run("minimal", List.of(), "", "--root",
                Launcher.freshRoot("minimal").toString(), "--fs-mode", "vfs-persistent", "-c", "pwd");
        assertEquals(1, vfs.status());
        assertTrue(vfs.err(), vfs.err().contains("vfs-persistent"));
    }

    /**
     * The minimal image keeps its only engine (the refusal names the successor
     * its repository offers), and a jar installed by hand resolves against
     * what it has (a dependency pulled from a repository: shell/pkg.sh).
     */
    @Test
    public void minimalImageKeepsItsOnlyEngineAndInsmodResolvesAJar() throws Exception {
        java.nio.file.Path disk = Launcher.freshRoot("minimal");
        java.nio.file.Files.copy(Images.jar("fs.vfs").toPath(), disk.resolve("fs.vfs.jar"));
        Launcher.Result r = Launcher.run("minimal", List.of(), "", "--root", disk.toString(), "--user", "root", "-c",
                "rmmod lang.interp; echo \"rmmod $?\"; modctl stop lang.interp; echo \"stop $?\"; echo 'print 6 * 7' | pebble; "
                        + "insmod fs.vfs.jar; lsmod | grep -c vfs-persistent");
        assertEquals(r.err(), 0, r.status());
        // the MVStore bundle is in the minimal image (hostfs keeps owners in it): fs.vfs needs nothing more
        assertEquals("rmmod 1\nstop 1\n42\ninstalled fs.vfs 0.1.0\n1\n", r.out());
        assertEquals("rmmod: cannot remove lang.interp: it is the only execution engine; install another first "
                + "(lang.vm, from the image repository)\nmodctl: cannot stop lang.interp: it is the only execution "
                + "engine; install another first (lang.vm, from the image repository)\n", r.err());
    }

    /**
     * Stopping the VM's bundle while programs run on it (the shell of a -c
     * boot, modctl itself) waits for them: the VM takes no new programs, the
     * next commands run on the interpreter, and the bundle is still active.
     */
    @Test
    public void stoppingTheVmWaitsForItsProgramsAndNewOnesRunOnTheInterpreter() throws Exception {
        Launcher.Result r = Launcher.run("pebbleos", List.of(), "", "--root", Launcher.freshRoot("full").toString(),
                "--user", "root", "-c", "modctl stop lang.vm; ps | grep -c 'interp .* ps$'; lsmod | grep '^engine *vm'");
        assertEquals(r.err(), 0, r.status());
        String[] lines = r.out().split("\n");
        assertEquals(r.out(), 3, lines.length);
        assertTrue(lines[0], lines[0].matches("lang\\.vm stops once the programs on its engine vm end \\(pids 1( \\d+)+\\); "
                + "new programs run on interp"));
        assertEquals("1", lines[1]);
        assertTrue(lines[2], lines[2].matches("engine +vm +lang\\.vm +0\\.1\\.0 +active .*"));
    }

    @Test
    public void devImageReachesGogoBothWays() throws Exception {
        Launcher.Result r = Launcher.run("dev", List.of(), "", "--root", Launcher.freshRoot("dev").toString(),
                "--user", "root", "-c", "gogo lb -s; gogo pebble:sh pwd");
        assertEquals(r.err(), 0, r.status());
        assertTrue(r.out(), r.out().contains("org.apache.felix.gogo.shell"));
        assertTrue(r.out(), r.out().contains("kernel.proc"));
        assertTrue(r.out(), r.out().endsWith("/\n"));
    }

    /**
     * The full image with the bridge on has Gogo's standard commands, and
     * gogo without a command is a console: its session keeps variables from
     * line to line, an error is one line and the console goes on.
     */
    @Test
    public void fullImageWithTheBridgeHasGogoCommandsAndAConsole() throws Exception {
        String lines = String.join("\n", "x = 6", "$x", "nosuchcommand", "");
        java.nio.file.Path disk = Launcher.freshRoot("gogo");
        java.nio.file.Files.writeString(disk.resolve("lines.txt"), lines);
        Launcher.Result r = Launcher.run("pebbleos", List.of(), "", "--gogo", "--root", disk.toString(), "--user", "root",
                "-c", "gogo lb | grep -c kernel.service; gogo inspect capability osgi.identity 0 | grep -c provides; "
                        + "gogo scr:list | grep -c pebbleos.kernel.proc; gogo < lines.txt; echo \"console $?\"; "
                        + "gogo nosuch arg; echo \"one line $?\"");
        assertEquals("1\n1\n1\n6\n6\nconsole 1\none line 1\n", r.out());
        assertEquals("gogo: nosuchcommand: command not found\ngogo: nosuch: command not found\n", r.err());
    }

    @Test
    public void usageErrorsExitTwo() throws Exception {
        Launcher.Result r = Launcher.run("pebbleos", List.of(), "", "--no-such-option");
        assertEquals(2, r.status());
        assertTrue(r.err(), r.err().contains("usage: pebbleos"));
        Launcher.Result v = Launcher.run("pebbleos", List.of(), "", "--version");
        assertEquals(0, v.status());
        assertTrue(v.out(), v.out().startsWith("PebbleOS "));
    }
}
