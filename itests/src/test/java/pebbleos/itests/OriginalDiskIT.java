package pebbleos.itests;

import static org.junit.Assert.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.Test;

/**
 * A disk the original PebbleOS's files were copied over (docs/compat.md):
 * its disk folder ships an {@code /etc/passwd} and {@code /etc/group} that
 * list only root. Copied over a disk this system set up, they took the
 * session's user out of passwd while {@code /etc/shadow} kept it, and every
 * later boot stopped at "login: no such user: pebble"; the boot now puts the
 * user back, with its groups and its password. And the paths the original's
 * README names, {@code run system/count_tick.peb} and its kin, exist.
 */
public class OriginalDiskIT {
    @Test
    public void theOriginalsEtcFilesCopiedOverASetUpDiskLeaveItsUser() throws Exception {
        Path root = Launcher.freshRoot("original-etc");
        Launcher.Result first = Launcher.run("pebbleos", List.of(), "", "--root", root.toString(), "-c", "whoami");
        assertEquals(first.err(), "pebble\n", first.out());
        // what the original's disk folder holds (written here, not copied)
        Files.writeString(root.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\n");
        Files.writeString(root.resolve("etc/group"), "root:x:0:\n");
        Launcher.Result again = Launcher.run("pebbleos", List.of(), "", "--root", root.toString(), "-c",
                "whoami; id; echo pebble | su -c whoami pebble 2>/dev/null || echo su refused");
        assertEquals(again.err(), "pebble\nuid=1000(pebble) gid=1000(pebble) groups=1000(pebble),10(wheel)\npebble\n",
                again.out());
        assertEquals(0, again.status());
    }

    @Test
    public void theOriginalsSystemProgramsAreWhereItsReadmeSays() throws Exception {
        Path root = Launcher.freshRoot("original-paths");
        Launcher.Result r = Launcher.run("pebbleos", List.of(), "", "--root", root.toString(), "-c",
                "run system/count_tick.peb; exec system/count_tick.peb; run system/clock_tick.peb | wc -l;"
                        + " run system/atari_pong.peb --help | head -1; exec system/nano.peb --help | head -1");
        assertEquals(r.err(), "COUNT TICK  Press Q to quit\n1\nCOUNT TICK  Press Q to quit\n1\n2\n"
                + "usage: atari_pong [--once] [--frames N] [--fps N] [--stats]\nusage: nano FILE\n", r.out());
    }
}
