package pebbleos.kernel.service.build;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.osgi.framework.Constants;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.kernel.service.resource.ManifestReader;

/**
 * Writes a bundle jar: a manifest of the headers given and the entries
 * given, nothing else. What the headers say (a package's name, version,
 * requirements, its {@code Pebble-System} contribution) is the caller's
 * policy; this checks only that the result is a bundle the framework will
 * read (a symbolic name, headers in OSGi syntax, entry names inside the
 * jar). Entries get a fixed time, so the same folder gives the same bytes.
 */
public final class BundleWriter {
    /** 2000-01-01T00:00:00Z: the time of every entry. */
    static final long ENTRY_TIME = 946_684_800_000L;

    private BundleWriter() {
    }

    public static byte[] write(Map<String, String> headers, Map<String, byte[]> entries) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
        for (Map.Entry<String, String> h : headers.entrySet()) {
            String name = h.getKey();
            String value = h.getValue().replace('\n', ' ').strip();
            if (!name.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,69}")) {
                throw new PebbleException(Errno.INVAL, "bad header name '" + name + "'");
            }
            if (!value.isEmpty()) {
                main.putValue(name, value);
            }
        }
        ManifestReader.describe(main, null); // the framework would refuse what this refuses
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes)) {
            JarEntry meta = new JarEntry("META-INF/");
            meta.setTime(ENTRY_TIME);
            jar.putNextEntry(meta);
            jar.closeEntry();
            JarEntry mf = new JarEntry("META-INF/MANIFEST.MF");
            mf.setTime(ENTRY_TIME);
            jar.putNextEntry(mf);
            manifest.write(jar);
            jar.closeEntry();
            Map<String, byte[]> sorted = new TreeMap<>(entries);
            for (String dir : directories(sorted)) {
                JarEntry d = new JarEntry(dir);
                d.setTime(ENTRY_TIME);
                jar.putNextEntry(d);
                jar.closeEntry();
            }
            for (Map.Entry<String, byte[]> e : sorted.entrySet()) {
                JarEntry entry = new JarEntry(checkedName(e.getKey()));
                entry.setTime(ENTRY_TIME);
                jar.putNextEntry(entry);
                jar.write(e.getValue());
                jar.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The folders of the entries ({@code system/}, {@code system/bin/} ...), parents first. */
    private static TreeSet<String> directories(Map<String, byte[]> entries) {
        TreeSet<String> dirs = new TreeSet<>();
        for (String name : entries.keySet()) {
            for (int slash = name.indexOf('/'); slash > 0; slash = name.indexOf('/', slash + 1)) {
                dirs.add(name.substring(0, slash + 1));
            }
        }
        dirs.remove("META-INF/");
        return dirs;
    }

    private static String checkedName(String name) {
        boolean bad = name.isEmpty() || name.startsWith("/") || name.endsWith("/") || name.contains("\\")
                || name.equals("META-INF/MANIFEST.MF");
        for (String part : name.split("/")) {
            bad |= part.isEmpty() || part.equals("..") || part.equals(".");
        }
        if (bad) {
            throw new PebbleException(Errno.INVAL, "bad entry name '" + name + "'");
        }
        return name;
    }
}
