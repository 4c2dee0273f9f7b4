package pebbleos.kernel.service.resource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.osgi.framework.Version;
import org.osgi.framework.namespace.IdentityNamespace;
import org.osgi.resource.Capability;
import org.osgi.resource.Requirement;
import org.osgi.resource.Resource;

/**
 * A bundle that is not installed, as the resolver sees it: its capabilities
 * and requirements (read from its manifest or from a repository index) and
 * where its bytes are ({@link #location()}: a path of the Pebble filesystem,
 * or {@code system-repository:NAME.jar} in the image's own repository).
 */
public final class PackageResource implements Resource {
    private final List<Capability> capabilities = new ArrayList<>();
    private final List<Requirement> requirements = new ArrayList<>();
    private final String location;

    public PackageResource(String location) {
        this.location = location;
    }

    public String location() {
        return location;
    }

    public void addCapability(String namespace, Map<String, Object> attributes, Map<String, String> directives) {
        capabilities.add(new PackageCapability(this, namespace, attributes, directives));
    }

    public void addRequirement(String namespace, Map<String, Object> attributes, Map<String, String> directives) {
        requirements.add(new PackageRequirement(this, namespace, attributes, directives));
    }

    @Override
    public List<Capability> getCapabilities(String namespace) {
        return select(capabilities, namespace);
    }

    @Override
    public List<Requirement> getRequirements(String namespace) {
        return select(requirements, namespace);
    }

    private static <T extends Object> List<T> select(List<T> all, String namespace) {
        if (namespace == null) {
            return Collections.unmodifiableList(all);
        }
        List<T> out = new ArrayList<>();
        for (T t : all) {
            String ns = t instanceof Capability c ? c.getNamespace() : ((Requirement) t).getNamespace();
            if (ns.equals(namespace)) {
                out.add(t);
            }
        }
        return out;
    }

    /** The osgi.identity name (the bundle symbolic name), or "" when it has none. */
    public String name() {
        return String.valueOf(identity(IdentityNamespace.IDENTITY_NAMESPACE, ""));
    }

    public Version version() {
        Object v = identity(IdentityNamespace.CAPABILITY_VERSION_ATTRIBUTE, Version.emptyVersion);
        return v instanceof Version version ? version : Version.parseVersion(String.valueOf(v));
    }

    public String description() {
        return String.valueOf(identity(IdentityNamespace.CAPABILITY_DESCRIPTION_ATTRIBUTE, ""));
    }

    private Object identity(String attribute, Object fallback) {
        for (Capability c : getCapabilities(IdentityNamespace.IDENTITY_NAMESPACE)) {
            Object v = c.getAttributes().get(attribute);
            return v == null ? fallback : v;
        }
        return fallback;
    }

    @Override
    public String toString() {
        return name() + " " + version();
    }
}
