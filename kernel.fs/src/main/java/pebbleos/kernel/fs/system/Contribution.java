package pebbleos.kernel.fs.system;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;

import pebbleos.api.fs.FsErrors;
import pebbleos.api.fs.Ownership;
import pebbleos.api.fs.VolumePaths;

/**
 * The files one bundle contributes to {@code /system}: every entry under the
 * folder its {@code Pebble-System} header names, indexed by the path it gets
 * under {@code /system}, with the directories that lead to them, and the
 * modes its {@code Pebble-System-Modes} header gives them. Contents are read
 * from the bundle on first use and kept (the tree is small and immutable
 * while the bundle stays).
 */
final class Contribution {
    private static final int FILE_MODE = 0644;
    private static final int COMMAND_MODE = 0755;
    private final Bundle bundle;
    private final long modified;
    private final Map<String, Integer> modes = new HashMap<>();
    private final Map<String, URL> files = new HashMap<>();
    private final Set<String> directories = new HashSet<>();
    private final Map<String, byte[]> contents = new ConcurrentHashMap<>();

    private Contribution(Bundle bundle) {
        this.bundle = bundle;
        this.modified = bundle.getLastModified();
        directories.add("/");
    }

    /**
     * Index the entries under {@code folder} (the header's value) of
     * {@code bundle}, with the modes {@code modeList} gives (the
     * {@code Pebble-System-Modes} header, or {@code null}).
     */
    static Contribution scan(Bundle bundle, String folder, String modeList) {
        Contribution c = new Contribution(bundle);
        String base = "/" + trimSlashes(folder);
        Enumeration<URL> entries = bundle.findEntries(base, "*", true);
        while (entries != null && entries.hasMoreElements()) {
            URL url = entries.nextElement();
            String entry = url.getPath();
            if (!entry.startsWith(base + "/")) {
                continue;
            }
            String rel = entry.substring(base.length());
            boolean directory = rel.endsWith("/");
            if (directory) {
                rel = rel.substring(0, rel.length() - 1);
            }
            if (rel.isEmpty() || !valid(rel)) {
                continue;
            }
            if (directory) {
                c.directories.add(rel);
            } else {
                c.files.put(rel, url);
            }
            for (String p = VolumePaths.parent(rel); p != null; p = VolumePaths.parent(p)) {
                c.directories.add(p);
            }
        }
        c.applyModes(modeList);
        return c;
    }

    /** {@code path=octal} entries, separated by commas; {@code dir/*} is every file of dir. */
    private void applyModes(String modeList) {
        if (modeList == null) {
            return;
        }
        for (String item : modeList.split(",")) {
            int eq = item.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String pattern = "/" + trimSlashes(item.substring(0, eq));
            int mode;
            try {
                mode = Integer.parseInt(item.substring(eq + 1).trim(), 8) & Ownership.MODE_BITS;
            } catch (NumberFormatException e) {
                continue;
            }
            if (pattern.endsWith("/*")) {
                String dir = pattern.substring(0, pattern.length() - 2);
                for (String file : files.keySet()) {
                    if (dir.equals(VolumePaths.parent(file))) {
                        modes.put(file, mode);
                    }
                }
            } else if (files.containsKey(pattern)) {
                modes.put(pattern, mode);
            }
        }
    }

    /** The mode of a file of this contribution: its header's, else 0755 for a command in bin or sbin, else 0644. */
    int mode(String path) {
        Integer m = modes.get(path);
        if (m != null) {
            return m;
        }
        String dir = VolumePaths.parent(path);
        return "/bin".equals(dir) || "/sbin".equals(dir) ? COMMAND_MODE : FILE_MODE;
    }

    Bundle bundle() {
        return bundle;
    }

    long modified() {
        return modified;
    }

    boolean hasFile(String path) {
        return files.containsKey(path);
    }

    boolean hasDirectory(String path) {
        return directories.contains(path);
    }

    Set<String> files() {
        return files.keySet();
    }

    Set<String> directories() {
        return directories;
    }

    /** The bytes of a file of this contribution (shared: do not modify). */
    byte[] content(String path) {
        byte[] data = contents.get(path);
        if (data != null) {
            return data;
        }
        URL url = files.get(path);
        if (url == null) {
            throw FsErrors.notFound(path);
        }
        try (InputStream in = url.openStream()) {
            data = in.readAllBytes();
        } catch (IOException | IllegalStateException e) {
            throw FsErrors.io("the bundle " + bundle.getSymbolicName() + " cannot be read", path);
        }
        contents.put(path, data);
        return data;
    }

    private static boolean valid(String path) {
        try {
            VolumePaths.check(path);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String trimSlashes(String folder) {
        String f = folder.trim();
        while (f.startsWith("/")) {
            f = f.substring(1);
        }
        while (f.endsWith("/")) {
            f = f.substring(0, f.length() - 1);
        }
        return f;
    }
}
