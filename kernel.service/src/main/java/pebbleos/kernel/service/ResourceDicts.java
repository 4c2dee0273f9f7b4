package pebbleos.kernel.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.resource.Capability;
import org.osgi.resource.Namespace;
import org.osgi.resource.Requirement;
import org.osgi.resource.Resource;

import pebbleos.api.value.PDict;
import pebbleos.api.value.PList;
import pebbleos.api.bundle.AttributeTypes;
import pebbleos.kernel.service.resource.PackageResource;

/**
 * Capabilities, requirements and resources as Pebble data. A capability is
 * {@code {namespace, attributes}} (each attribute as text); a requirement
 * {@code {namespace, filter, optional, effective}}. The namespaces that
 * bundles always carry (identity, content, bundle and host wiring) are left
 * out of the lists: they say nothing a user needs.
 */
final class ResourceDicts {
    private static final List<String> PLUMBING = List.of("osgi.identity", "osgi.content", "osgi.wiring.bundle",
            "osgi.wiring.host");

    private ResourceDicts() {
    }

    static PDict capability(Capability c) {
        PDict attributes = new PDict();
        for (Map.Entry<String, Object> a : c.getAttributes().entrySet()) {
            attributes.put(a.getKey(), AttributeTypes.text(a.getValue()));
        }
        return PDict.of("namespace", c.getNamespace(), "attributes", attributes);
    }

    static PDict requirement(Requirement r) {
        Map<String, String> d = r.getDirectives();
        return PDict.of("namespace", r.getNamespace(),
                "filter", d.getOrDefault(Namespace.REQUIREMENT_FILTER_DIRECTIVE, ""),
                "optional", Namespace.RESOLUTION_OPTIONAL.equals(d.get(Namespace.REQUIREMENT_RESOLUTION_DIRECTIVE)) ? 1L : 0L,
                "effective", d.getOrDefault(Namespace.REQUIREMENT_EFFECTIVE_DIRECTIVE, Namespace.EFFECTIVE_RESOLVE));
    }

    static PList provides(Resource r) {
        PList out = new PList();
        for (Capability c : r.getCapabilities(null)) {
            if (!PLUMBING.contains(c.getNamespace())) {
                out.append(capability(c));
            }
        }
        return out;
    }

    static PList requires(Resource r) {
        PList out = new PList();
        for (Requirement q : r.getRequirements(null)) {
            if (!PLUMBING.contains(q.getNamespace())) {
                out.append(requirement(q));
            }
        }
        return out;
    }

    /** A resource that is not installed: name, version, description, location, provides, requires. */
    static PDict resource(PackageResource r) {
        return PDict.of("name", r.name(), "version", r.version().toString(), "description", r.description(),
                "location", r.location() == null ? "" : r.location(), "provides", provides(r), "requires", requires(r));
    }

    /** The name and version of any resource (installed or not). */
    static String label(Resource r) {
        if (r instanceof PackageResource p) {
            return p.name() + " " + p.version();
        }
        if (r instanceof BundleRevision b) {
            return b.getSymbolicName() + " " + b.getVersion();
        }
        return String.valueOf(r);
    }

    /** The symbolic names of the bundles wired to {@code b} (those that would break without it). */
    static PList dependents(Bundle b) {
        List<String> names = new ArrayList<>();
        org.osgi.framework.wiring.BundleWiring wiring = b.adapt(org.osgi.framework.wiring.BundleWiring.class);
        if (wiring != null) {
            for (org.osgi.framework.wiring.BundleWire w : wiring.getProvidedWires(null)) {
                Bundle requirer = w.getRequirer().getBundle();
                if (requirer.getBundleId() != b.getBundleId() && !names.contains(requirer.getSymbolicName())) {
                    names.add(requirer.getSymbolicName());
                }
            }
        }
        names.sort(null);
        return PList.from(names);
    }
}
