package pebbleos.kernel.service;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * What {@code lsmod} tells of each bundle beyond the framework's state: its
 * revision (1 when installed, one more at each update) and when that
 * revision was installed. The framework starts from a clean cache at each
 * boot, so the image's bundles are at revision 1 from the boot on.
 */
@Component(service = BundleHistory.class, immediate = true)
public final class BundleHistory {
    private final Map<Long, Integer> updates = new ConcurrentHashMap<>();
    private final Map<Long, Long> installed = new ConcurrentHashMap<>();
    private BundleContext context;
    // a class, not a lambda: a bundle's lambdas are spun again at every boot (docs/performance.md, fourteenth pass)
    private final SynchronousBundleListener listener = new SynchronousBundleListener() {
        @Override
        public void bundleChanged(BundleEvent event) {
            changed(event);
        }
    };

    @Activate
    void activate(BundleContext bundleContext) {
        this.context = bundleContext;
        bundleContext.addBundleListener(listener);
    }

    @Deactivate
    void deactivate() {
        context.removeBundleListener(listener);
    }

    private void changed(BundleEvent event) {
        long id = event.getBundle().getBundleId();
        switch (event.getType()) {
            case BundleEvent.INSTALLED -> installed.put(id, System.currentTimeMillis());
            case BundleEvent.UPDATED -> {
                updates.merge(id, 1, Integer::sum);
                installed.put(id, System.currentTimeMillis());
            }
            case BundleEvent.UNINSTALLED -> {
                updates.remove(id);
                installed.remove(id);
            }
            default -> {
                // started, stopped, resolved: the revision is the same
            }
        }
    }

    /** 1 for the revision first installed, 2 after one update, ... */
    public int revision(Bundle b) {
        return 1 + updates.getOrDefault(b.getBundleId(), 0);
    }

    /** When the current revision was installed, in milliseconds since the epoch. */
    public long installedAt(Bundle b) {
        Long at = installed.get(b.getBundleId());
        return at != null ? at : b.getLastModified();
    }
}
