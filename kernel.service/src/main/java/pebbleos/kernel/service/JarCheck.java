package pebbleos.kernel.service;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;

/** What makes bytes a bundle: a readable jar with a manifest naming a Bundle-SymbolicName. */
final class JarCheck {
    private JarCheck() {
    }

    /** The bundle symbolic name of the jar; INVAL for anything that is not a bundle jar. */
    static String symbolicName(byte[] jar) {
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            Manifest manifest = in.getManifest();
            if (manifest == null) {
                throw new PebbleException(Errno.INVAL, "not a bundle: the jar has no manifest");
            }
            String name = manifest.getMainAttributes().getValue("Bundle-SymbolicName");
            if (name == null || name.isBlank()) {
                throw new PebbleException(Errno.INVAL, "not a bundle: the manifest has no Bundle-SymbolicName");
            }
            int semi = name.indexOf(';');
            // read every entry: a truncated jar fails here instead of at install time
            while (in.getNextJarEntry() != null) {
                in.readAllBytes();
            }
            return (semi >= 0 ? name.substring(0, semi) : name).trim();
        } catch (IOException e) {
            throw new PebbleException(Errno.INVAL, "not a bundle: " + e.getMessage());
        }
    }
}
