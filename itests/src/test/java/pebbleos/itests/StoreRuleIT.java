package pebbleos.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.Test;

/**
 * A folder's store is never replaced by another mode, booted as a user
 * would: an {@code mfs} session's {@code sync} and a {@code vfs-import} boot
 * in a folder that holds a {@code vfs-persistent} store are refused, naming
 * the store, and the store keeps every file; snapshots replace snapshots, and
 * a {@code vfs-persistent} boot opens the last one.
 */
public class StoreRuleIT {
    private static Launcher.Result boot(Path root, String mode, String line) throws Exception {
        return Launcher.run("pebbleos", List.of(), "", "--root", root.toString(), "--fs-mode", mode, "-c", line);
    }

    @Test
    public void aPersistentStoreIsNeverReplaced() throws Exception {
        Path root = Launcher.freshRoot("store-rule");
        Launcher.Result made = boot(root, "vfs-persistent", "mkdir docs; echo kept > docs/a.txt");
        assertEquals(made.err(), 0, made.status());

        Launcher.Result sync = boot(root, "mfs", "touch b.txt; sync");
        assertEquals(1, sync.status());
        assertEquals("sync: The folder holds a vfs-persistent store (.__pebble_vfs__.db) that mfs sync does not replace\n",
                sync.err());

        Launcher.Result imported = boot(root, "vfs-import", "echo imported");
        assertTrue("vfs-import boot status " + imported.status(), imported.status() != 0);
        assertEquals("", imported.out());
        assertTrue(imported.err(), imported.err().contains(
                "the folder holds a vfs-persistent store (.__pebble_vfs__.db) that vfs-import does not replace"));

        Launcher.Result after = boot(root, "vfs-persistent", "cat docs/a.txt; ls");
        assertEquals(after.err(), 0, after.status());
        assertEquals("kept\ndocs/\n", after.out().replaceAll("(dev|etc|home|root|system|tmp)/\n", ""));
    }

    @Test
    public void snapshotsReplaceSnapshotsAndAPersistentBootOpensTheLast() throws Exception {
        Path root = Launcher.freshRoot("store-snapshots");
        assertEquals(0, boot(root, "mfs", "echo one > s.txt; sync").status());
        Launcher.Result second = boot(root, "mfs", "echo two > t.txt; sync -v");
        assertEquals(second.err(), 0, second.status());
        assertEquals("synced the mfs filesystem\n", second.out());
        Launcher.Result opened = boot(root, "vfs-persistent", "cat t.txt; ls s.txt");
        assertEquals("two\n", opened.out());
        assertEquals("ls: cannot access 's.txt': No such file or directory\n", opened.err());
    }

    @Test
    public void theOriginalsTextStoreIsNamedAndLeftAsItIs() throws Exception {
        // the original PebbleOS's disk folder ships its virtual disk as text under the store's name
        Path root = Launcher.freshRoot("store-original");
        String text = "notes.txt\t2026-03-01, 16:04:04\thello\\n\n";
        Files.writeString(root.resolve(".__pebble_vfs__.db"), text);
        for (String mode : List.of("vfs-import", "vfs-persistent")) {
            Launcher.Result refused = boot(root, mode, "echo booted");
            assertTrue(mode + " boot status " + refused.status(), refused.status() != 0);
            assertEquals("", refused.out());
            assertTrue(refused.err(), refused.err().contains("the VFS store .__pebble_vfs__.db is not one of this system's"
                    + " (the original PebbleOS kept its virtual disk there as text)"));
            assertEquals(text, Files.readString(root.resolve(".__pebble_vfs__.db")));
        }
        Launcher.Result hostfs = boot(root, "hostfs", "echo booted");
        assertEquals(hostfs.err(), 0, hostfs.status());
        assertEquals("booted\n", hostfs.out());
    }
}
