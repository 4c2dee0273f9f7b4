package pebbleos.kernel.service;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.resource.Namespace;

/**
 * Which bundles the running system cannot do without: the framework, every
 * bundle whose manifest says {@code PebbleOS-Kernel: true} (set in the kernel
 * bundles' own {@code bnd.bnd}), and every bundle those need, following their
 * mandatory wires to the end (the SPI, Felix SCR and the OSGi libraries SCR
 * uses). The list lives with the bundles rather than in this code, so a new
 * kernel bundle protects itself and what it needs.
 */
final class KernelBundles {
    /** The manifest header that marks a kernel bundle. */
    static final String HEADER = "PebbleOS-Kernel";

    private KernelBundles() {
    }

    /** The ids of the kernel bundles, as the framework's wiring is now. */
    static Set<Long> ids(BundleContext context) {
        Set<Long> out = new HashSet<>();
        Deque<Bundle> todo = new ArrayDeque<>();
        for (Bundle b : context.getBundles()) {
            if (b.getBundleId() == 0 || "true".equalsIgnoreCase(b.getHeaders("").get(HEADER))) {
                todo.add(b);
            }
        }
        while (!todo.isEmpty()) {
            Bundle b = todo.poll();
            if (!out.add(b.getBundleId())) {
                continue;
            }
            BundleWiring wiring = b.adapt(BundleWiring.class);
            if (wiring == null) {
                continue; // installed, not resolved: it needs nothing yet
            }
            for (BundleWire wire : wiring.getRequiredWires(null)) {
                String resolution = wire.getRequirement().getDirectives().get(Namespace.REQUIREMENT_RESOLUTION_DIRECTIVE);
                if (!Namespace.RESOLUTION_OPTIONAL.equals(resolution)) {
                    todo.add(wire.getProviderWiring().getBundle());
                }
            }
        }
        return out;
    }

    /** Whether {@code b} is one of them. */
    static boolean contains(BundleContext context, Bundle b) {
        return b.getBundleId() == 0 || ids(context).contains(b.getBundleId());
    }
}
