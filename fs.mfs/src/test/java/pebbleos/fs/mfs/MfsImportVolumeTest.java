package pebbleos.fs.mfs;

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

/** The volume contract in mode {@code mfs-import}, plus the import itself. */
public class MfsImportVolumeTest extends VolumeContract {
    @Override
    protected Volume mount(Path hostRoot) {
        return new MemoryFileSystem().mount(new MountRequest("mfs-import", hostRoot, null));
    }

    @Override
    protected Volume remount(Path hostRoot, TreeSnapshot handoff) {
        return new MemoryFileSystem().mount(new MountRequest("mfs-import", hostRoot, handoff));
    }

    @Test
    public void importsTheHostDirectoryOnceThenStaysInMemory() throws Exception {
        Files.createDirectories(hostRoot.resolve("docs/empty"));
        Files.writeString(hostRoot.resolve("docs/readme.txt"), "imported \u2713");
        Files.setLastModifiedTime(hostRoot.resolve("docs/readme.txt"), FileTime.fromMillis(1_234_567_890_000L));
        Files.writeString(hostRoot.resolve(MountRequest.VFS_STORE), "not imported");
        Volume v = mount(hostRoot);
        assertEquals("imported \u2713", text(v.read("/docs/readme.txt")));
        assertEquals(1_234_567_890_000L, v.stat("/docs/readme.txt").mtime());
        assertTrue(v.stat("/docs/empty").isDirectory());
        assertNull(v.find("/" + MountRequest.VFS_STORE));
        v.write("/docs/readme.txt", utf8("changed in memory"), false);
        v.write("/new", utf8("x"), false);
        assertEquals("imported \u2713", Files.readString(hostRoot.resolve("docs/readme.txt")));
        assertTrue(Files.notExists(hostRoot.resolve("new")));
        // a hot swap resumes from the handed-over tree, not from the host
        Volume next = new MemoryFileSystem().mount(new MountRequest("mfs-import", hostRoot, v.detach()));
        assertEquals("changed in memory", text(next.read("/docs/readme.txt")));
        next.detach();
    }
}
