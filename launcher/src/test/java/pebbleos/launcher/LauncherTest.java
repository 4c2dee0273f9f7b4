package pebbleos.launcher;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Boots a one-bundle image on Felix through the launcher, as ./pebbleos boots the system's. */
public class LauncherTest {
    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    @Test
    public void theMainServiceRunsWithTheArgumentsAndGivesTheStatus() throws Exception {
        Path image = image();
        Path store = store();
        assertEquals(7, boot(image, store, "7"));
        assertEquals(0, boot(image, store, "0"));
    }

    @Test
    public void aSecondBootKeepsTheCacheTheFirstRecorded() throws Exception {
        Path image = image();
        Path store = store();
        boot(image, store, "0");
        Path state = state(store);
        String recorded = Files.readString(state);
        assertTrue(recorded, recorded.startsWith("jar/main.jar "));
        Thread.sleep(20); // a fresh install would record a later time
        boot(image, store, "0");
        assertEquals("not installed again", recorded, Files.readString(state));
    }

    @Test
    public void aCacheThatDiffersFromTheRecordIsInstalledAfresh() throws Exception {
        Path image = image();
        Path store = store();
        boot(image, store, "0");
        Path state = state(store);
        Files.writeString(state, "jar/main.jar 1\n"); // as if a session had updated the bundle
        assertEquals(5, boot(image, store, "5"));
        assertNotEquals("jar/main.jar 1\n", Files.readString(state));
    }

    @Test
    public void aBundleASessionParkedStartsAgainAtTheNextBoot() throws Exception {
        Path image = image();
        Path store = store();
        assertEquals(0, boot(image, store, "0", "park"));
        assertEquals(4, boot(image, store, "4")); // would wait for a main service that never comes
    }

    @Test
    public void aStoreInUseLeavesTheNextBootAFreshTemporaryOne() throws Exception {
        Path image = image();
        Path store = store();
        try (FrameworkStore taken = FrameworkStore.open(store.toString())) {
            try (FrameworkStore other = FrameworkStore.open(store.toString())) {
                assertNotEquals(store, other.dir());
                assertFalse(other.kept());
            }
            assertEquals(3, boot(image, store, "3"));
            assertFalse("the boot beside did not record into the store in use",
                    Files.exists(state(store)));
        }
    }

    @Test
    public void olderBuildsStoresAreRemovedUnlessInUse() throws Exception {
        Path root = temp.getRoot().toPath();
        Path old = Files.createDirectories(root.resolve("pebbleos-1-1.felix").resolve("bundle1"));
        Files.writeString(root.resolve("pebbleos-1-1.felix.state"), "x 1\n");
        Path busy = Files.createDirectories(root.resolve("pebbleos-0-9.felix"));
        Path otherImage = Files.createDirectories(root.resolve("minimal-1-1.felix"));
        try (FrameworkStore inUse = FrameworkStore.open(busy.toString());
                FrameworkStore current = FrameworkStore.open(root.resolve("pebbleos-1-2.felix").toString())) {
            assertFalse(Files.exists(old.getParent()));
            assertFalse(Files.exists(root.resolve("pebbleos-1-1.felix.state")));
            assertTrue("in use", Files.exists(busy));
            assertTrue("another image's", Files.exists(otherImage));
        }
    }

    @Test
    public void aKeptFoldersNameIsTheImagesThenTheBuildsStamp() {
        assertEquals("pebbleos", FrameworkStore.imageOf("pebbleos-1796625801-5328079.felix"));
        assertEquals("my-image", FrameworkStore.imageOf("my-image-1-2.felix"));
        assertEquals(null, FrameworkStore.imageOf("pebbleos-1796625801-5328079.felix.lock"));
        assertEquals(null, FrameworkStore.imageOf("pebbleos-x-2.felix"));
        assertEquals(null, FrameworkStore.imageOf("pebbleos-2.felix"));
        assertEquals(null, FrameworkStore.imageOf("-1-2.felix"));
    }

    @Test
    public void anImageWithoutItsPropertiesIsAClearError() throws Exception {
        try (URLClassLoader empty = new URLClassLoader(new URL[] {temp.newFolder().toURI().toURL()}, null)) {
            Image.from(empty);
            fail();
        } catch (LaunchFailure e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("no launcher.properties on the class path"));
        }
    }

    @Test
    public void startLevelsComeFromTheBundlesAttributes() throws Exception {
        assertEquals(List.of("a;version=\"1,2\";startlevel=2", "b"), Image.clauses("a;version=\"1,2\";startlevel=2, b"));
        assertEquals(2, Image.startLevel("a;version=\"1.0\";startlevel=2", 1));
        assertEquals(1, Image.startLevel("b;version=\"1.0\"", 1));
    }

    @Test
    public void aBundleThatDoesNotStartIsNamedWhenNoMainServiceComes() throws Exception {
        Path image = image();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Bundle-ManifestVersion", "2");
        manifest.getMainAttributes().putValue("Bundle-SymbolicName", "test.broken");
        manifest.getMainAttributes().putValue("Bundle-Activator", "test.broken.Missing");
        try (OutputStream file = Files.newOutputStream(image.resolve("jar/main.jar"));
                JarOutputStream jar = new JarOutputStream(file, manifest)) {
            jar.putNextEntry(new JarEntry("test/broken/readme.txt"));
            jar.closeEntry();
        }
        try (URLClassLoader entries = new URLClassLoader(new URL[] {image.toUri().toURL()}, null);
                FrameworkStore s = FrameworkStore.open(store().toString())) {
            new Launcher(Image.from(entries), s, entries, 1).run(new String[] {"0"});
            fail();
        } catch (LaunchFailure e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("no main.thread service after 1 s"));
            assertTrue(e.getMessage(), e.getMessage().contains("\n  test.broken: "));
        }
    }

    /**
     * Every bundle that can be resolved is resolved before the first starts
     * (in one resolver session, not one per bundle as the start level starts
     * them), and one that cannot be does not stop the boot.
     */
    @Test
    public void theBundlesAreResolvedTogetherBeforeTheyStart() throws Exception {
        Path image = image();
        Files.writeString(image.resolve("launcher.properties"), String.join("\n",
                "launch.bundles=jar/main.jar,jar/later.jar,jar/broken.jar",
                "launch.runbundles.attrs=test.main;version\\=\"1.0.0\";startlevel\\=1,"
                        + "test.later;version\\=\"1.0.0\";startlevel\\=2,test.broken;version\\=\"1.0.0\";startlevel\\=2",
                "launch.system.packages=",
                "felix.log.level=0",
                "org.osgi.framework.startlevel.beginning=2", ""));
        plainBundle(image.resolve("jar/later.jar"), "test.later", null);
        plainBundle(image.resolve("jar/broken.jar"), "test.broken", "no.such.pkg");
        assertEquals("only the bundle that cannot resolve was unresolved", 1,
                boot(image, store(), "0", "unresolved"));
    }

    private static void plainBundle(Path at, String name, String imports) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", name);
        main.putValue("Bundle-Version", "1.0.0");
        if (imports != null) {
            main.putValue("Import-Package", imports);
        }
        try (OutputStream file = Files.newOutputStream(at);
                JarOutputStream jar = new JarOutputStream(file, manifest)) {
            jar.putNextEntry(new JarEntry(name.replace('.', '/') + "/readme.txt"));
            jar.closeEntry();
        }
    }

    private Path store() {
        return temp.getRoot().toPath().resolve("pebbleos-1-2.felix");
    }

    private static Path state(Path store) {
        return store.resolveSibling(store.getFileName() + ".state");
    }

    /** Boot the image in folder {@code image} with the store {@code store}; its status. */
    private static int boot(Path image, Path store, String... args) throws Exception {
        try (URLClassLoader entries = new URLClassLoader(new URL[] {image.toUri().toURL()}, null);
                FrameworkStore s = FrameworkStore.open(store.toString())) {
            return new Launcher(Image.from(entries), s, entries, 10).run(args);
        }
    }

    /** A folder laid out as an image jar: launcher.properties and jar/main.jar (a bundle of TestMain). */
    private Path image() throws IOException {
        Path dir = temp.newFolder("image").toPath();
        Files.writeString(dir.resolve("launcher.properties"), String.join("\n",
                "launch.bundles=jar/main.jar",
                "launch.runbundles.attrs=test.main;version\\=\"1.0.0\";startlevel\\=1",
                "launch.system.packages=",
                "felix.log.level=0",
                "org.osgi.framework.startlevel.beginning=1", ""));
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "test.main");
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Bundle-Activator", TestMain.class.getName());
        main.putValue("Import-Package", "org.osgi.framework,org.osgi.framework.startlevel");
        Files.createDirectories(dir.resolve("jar"));
        String entry = TestMain.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(dir.resolve("jar/main.jar"));
                JarOutputStream jar = new JarOutputStream(file, manifest);
                InputStream bytes = TestMain.class.getClassLoader().getResourceAsStream(entry)) {
            jar.putNextEntry(new JarEntry(entry));
            bytes.transferTo(jar);
            jar.closeEntry();
        }
        return dir;
    }
}
