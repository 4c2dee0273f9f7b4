package pebbleos.kernel.fs.system;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;

/**
 * The extender behind {@code /system}: it tracks every started bundle whose
 * manifest has a {@value #HEADER} header and merges the entries under the
 * folder the header names into one read-only tree, so that installing a
 * bundle adds its commands and libraries and uninstalling removes them. When
 * two bundles contribute the same path, the most recently installed one
 * (highest bundle id) wins.
 */
@Component(service = SystemTree.class, immediate = true)
public final class SystemTree {
    /** The manifest header: the folder inside the bundle that becomes {@code /system}. */
    public static final String HEADER = "Pebble-System";
    /**
     * The modes of a contribution's files where they are not the usual ones
     * (0755 in {@code bin} and {@code sbin}, else 0644; directories are 0755):
     * {@code bin/su.peb=4755} (paths under the folder; {@code dir/*} names the
     * files of a folder; the last match wins). Every entry of {@code /system}
     * belongs to root.
     */
    public static final String MODES_HEADER = "Pebble-System-Modes";

    /** Contributions by bundle id, newest first. */
    private final Map<Long, Contribution> contributions = new ConcurrentSkipListMap<>(Comparator.reverseOrder());
    private BundleTracker<Contribution> tracker;

    @Activate
    void activate(BundleContext context) {
        tracker = new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE, new BundleTrackerCustomizer<>() {
            @Override
            public Contribution addingBundle(Bundle bundle, BundleEvent event) {
                String folder = bundle.getHeaders("").get(HEADER);
                if (folder == null) {
                    return null;
                }
                Contribution c = Contribution.scan(bundle, folder, bundle.getHeaders().get(MODES_HEADER));
                contributions.put(bundle.getBundleId(), c);
                return c;
            }

            @Override
            public void modifiedBundle(Bundle bundle, BundleEvent event, Contribution c) {
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, Contribution c) {
                contributions.remove(bundle.getBundleId(), c);
            }
        });
        tracker.open();
    }

    @Deactivate
    void deactivate() {
        tracker.close();
        contributions.clear();
    }

    /** The contribution whose file {@code path} is, or {@code null}. */
    Contribution fileOwner(String path) {
        for (Contribution c : contributions.values()) {
            if (c.hasFile(path)) {
                return c;
            }
        }
        return null;
    }

    /** The newest contribution having directory {@code path}, or {@code null}. */
    Contribution directoryOwner(String path) {
        for (Contribution c : contributions.values()) {
            if (c.hasDirectory(path)) {
                return c;
            }
        }
        return null;
    }

    /** The names directly in directory {@code path}, mapped to true for directories. */
    Map<String, Boolean> children(String path) {
        Map<String, Boolean> out = new TreeMap<>();
        String prefix = path.equals("/") ? "/" : path + "/";
        for (Contribution c : contributions.values()) {
            collect(out, c.directories(), prefix, true);
            collect(out, c.files(), prefix, false);
        }
        return out;
    }

    /** Symbolic names of the contributing bundles, oldest first. */
    public List<String> bundles() {
        List<String> out = new ArrayList<>();
        for (Contribution c : contributions.values()) {
            out.add(0, c.bundle().getSymbolicName());
        }
        return out;
    }

    private static void collect(Map<String, Boolean> out, Iterable<String> paths, String prefix, boolean directory) {
        for (String p : paths) {
            if (p.length() > prefix.length() && p.startsWith(prefix) && p.indexOf('/', prefix.length()) < 0) {
                out.putIfAbsent(p.substring(prefix.length()), directory);
            }
        }
    }
}
