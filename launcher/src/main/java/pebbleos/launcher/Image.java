package pebbleos.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What the exported image says about its run: the {@code launcher.properties}
 * that bnd's export writes into the image jar (the framework properties of the
 * .bndrun, the system packages, the bundles in order with their start levels).
 * The bundles are entries of the image jar ({@code jar/NAME.jar}), read from
 * the class path, where the image is.
 */
final class Image {
    /** One bundle of the image: its location (an entry of the image jar) and its start level. */
    record Bundle(String location, int startLevel) {
    }

    static final String PROPERTIES = "launcher.properties";

    private final Map<String, String> framework;
    private final List<Bundle> bundles;
    private final boolean eager;

    private Image(Map<String, String> framework, List<Bundle> bundles, boolean eager) {
        this.framework = framework;
        this.bundles = bundles;
        this.eager = eager;
    }

    /** The image whose entries {@code loader} reads (the system class loader: the image jar on the class path). */
    static Image from(ClassLoader loader) throws LaunchFailure {
        try (InputStream in = loader.getResourceAsStream(PROPERTIES)) {
            if (in == null) {
                throw new LaunchFailure("no " + PROPERTIES + " on the class path: start the launcher with the image jar");
            }
            Properties p = new Properties();
            p.load(in);
            return of(p);
        } catch (IOException e) {
            throw new LaunchFailure("cannot read " + PROPERTIES + ": " + e.getMessage());
        }
    }

    /** The image those properties describe. */
    static Image of(Properties p) throws LaunchFailure {
        Map<String, String> framework = new HashMap<>();
        for (String key : p.stringPropertyNames()) {
            if (!key.startsWith("launch.")) {
                framework.put(key, p.getProperty(key));
            }
        }
        // as bnd's launcher does: the image's packages and capabilities come on top of the JDK's
        putIfSet(framework, "org.osgi.framework.system.packages.extra", p.getProperty("launch.system.packages"));
        putIfSet(framework, "org.osgi.framework.system.capabilities.extra", p.getProperty("launch.system.capabilities"));
        String listed = p.getProperty("launch.bundles", "").strip();
        if (listed.isEmpty()) {
            throw new LaunchFailure(PROPERTIES + " names no bundles (launch.bundles)");
        }
        String[] locations = listed.split(",");
        List<String> attributes = clauses(p.getProperty("launch.runbundles.attrs", ""));
        int fallback = parseLevel(p.getProperty("launch.startlevel.default", "1"));
        List<Bundle> bundles = new ArrayList<>();
        for (int i = 0; i < locations.length; i++) {
            // bnd writes the attributes in the order of the bundles
            int level = attributes.size() == locations.length ? startLevel(attributes.get(i), fallback) : fallback;
            bundles.add(new Bundle(locations[i].strip(), level));
        }
        boolean eager = Boolean.parseBoolean(p.getProperty("launch.activation.eager", "false"));
        return new Image(Map.copyOf(framework), List.copyOf(bundles), eager);
    }

    Map<String, String> framework() {
        return framework;
    }

    List<Bundle> bundles() {
        return bundles;
    }

    /** Whether a bundle starts at once rather than by its activation policy (a lazy one on its first class load). */
    boolean eager() {
        return eager;
    }

    private static void putIfSet(Map<String, String> into, String key, String value) {
        if (value != null && !value.isBlank()) {
            into.put(key, value);
        }
    }

    /** The clauses of an OSGi header, split at the commas outside quotes. */
    static List<String> clauses(String header) {
        List<String> out = new ArrayList<>();
        StringBuilder clause = new StringBuilder();
        boolean quoted = false;
        for (char ch : header.toCharArray()) {
            if (ch == '"') {
                quoted = !quoted;
            }
            if (ch == ',' && !quoted) {
                out.add(clause.toString().strip());
                clause.setLength(0);
            } else {
                clause.append(ch);
            }
        }
        if (!clause.toString().isBlank()) {
            out.add(clause.toString().strip());
        }
        return out;
    }

    /** The {@code startlevel} attribute of a clause, else the default. */
    static int startLevel(String clause, int fallback) throws LaunchFailure {
        for (String part : clause.split(";")) {
            String[] kv = part.split("=", 2);
            if (kv.length == 2 && kv[0].strip().equals("startlevel")) {
                return parseLevel(kv[1].strip().replace("\"", ""));
            }
        }
        return fallback;
    }

    private static int parseLevel(String s) throws LaunchFailure {
        try {
            int level = Integer.parseInt(s);
            if (level < 1) {
                throw new NumberFormatException();
            }
            return level;
        } catch (NumberFormatException e) {
            throw new LaunchFailure(PROPERTIES + ": bad start level '" + s + "'");
        }
    }
}
