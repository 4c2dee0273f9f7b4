package pebbleos.kernel.fs;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import org.junit.Test;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;

public class PathResolverTest {
    private static void refused(Errno errno, String cwd, String path) {
        try {
            PathResolver.resolve(cwd, path);
            fail("expected " + errno + " for " + path);
        } catch (PebbleException e) {
            assertEquals(errno, e.errno());
        }
    }

    @Test
    public void absoluteAndRelativePathsNormalize() {
        assertEquals("/", PathResolver.resolve("/", "/"));
        assertEquals("/a/b", PathResolver.resolve("/", "/a/b"));
        assertEquals("/a/b", PathResolver.resolve("/x", "/a//b/"));
        assertEquals("/a/b", PathResolver.resolve("/", "/a/./b/."));
        assertEquals("/x/y/a", PathResolver.resolve("/x/y", "a"));
        assertEquals("/x/a", PathResolver.resolve("/x/y", "../a"));
        assertEquals("/", PathResolver.resolve("/x/y", "../.."));
        assertEquals("/x/y", PathResolver.resolve("/x/y", "."));
        assertEquals("/b", PathResolver.resolve("/", "/a/../b"));
        assertEquals("/etc/passwd", PathResolver.resolve("/home", "/etc/passwd"));
        assertEquals("/system/bin", PathResolver.resolve("/", "system/bin"));
    }

    @Test
    public void escapesAreRefusedWithPerm() {
        refused(Errno.PERM, "/", "..");
        refused(Errno.PERM, "/", "/..");
        refused(Errno.PERM, "/", "/../etc/passwd");
        refused(Errno.PERM, "/a", "../../x");
        refused(Errno.PERM, "/", "a/../../x");
        refused(Errno.PERM, "/", "/a/b/../../../x");
    }

    @Test
    public void badCharactersAndEmptyPathsAreInvalid() {
        refused(Errno.INVAL, "/", "a\0b");
        refused(Errno.INVAL, "/", "..\\..\\x");
        refused(Errno.INVAL, "/", "");
    }

    @Test
    public void messagesNameThePath() {
        try {
            PathResolver.resolve("/", "../x");
            fail();
        } catch (PebbleException e) {
            assertEquals("path escapes the root: ../x", e.getMessage());
        }
    }
}
