package pebbleos.fs.vfs;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import org.junit.Test;

import pebbleos.api.fs.MountRequest;
import pebbleos.api.fs.TreeSnapshot;
import pebbleos.api.fs.Volume;
import pebbleos.kernel.fs.VolumeContract;

/** The volume contract in mode {@code vfs-import}, plus the import and its resumption after a swap. */
public class VfsImportVolumeTest extends VolumeContract {
    final VfsStores stores = new VfsStores();

    @Override
    protected Volume mount(Path hostRoot) {
        return new VfsFileSystem(stores).mount(new MountRequest("vfs-import", hostRoot, null));
    }

    @Override
    protected Volume remount(Path hostRoot, TreeSnapshot handoff) {
        return new VfsFileSystem(stores).mount(new MountRequest("vfs-import", hostRoot, handoff, true));
    }

    @Test
    public void importsTheHostAtBootAndResumesTheStoreOnASwap() throws Exception {
        close(volume);
        Files.createDirectories(hostRoot.resolve("src/empty"));
        Files.writeString(hostRoot.resolve("src/main.peb"), "print 1\n");
        Files.setLastModifiedTime(hostRoot.resolve("src/main.peb"), FileTime.fromMillis(1_300_000_000_000L));
        volume = mount(hostRoot);
        assertEquals("print 1\n", text(volume.read("/src/main.peb")));
        assertEquals(1_300_000_000_000L, volume.stat("/src/main.peb").mtime());
        assertTrue(volume.stat("/src/empty").isDirectory());
        assertNull(volume.find("/" + MountRequest.VFS_STORE));
        volume.write("/src/main.peb", utf8("print 2\n"), false);
        assertEquals("print 1\n", Files.readString(hostRoot.resolve("src/main.peb")));
        volume = remount(hostRoot, volume.detach());
        assertEquals("print 2\n", text(volume.read("/src/main.peb")));
        // a new boot imports the host again
        close(volume);
        volume = mount(hostRoot);
        assertEquals("print 1\n", text(volume.read("/src/main.peb")));
    }
}
