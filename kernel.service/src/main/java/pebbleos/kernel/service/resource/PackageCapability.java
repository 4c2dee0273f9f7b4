package pebbleos.kernel.service.resource;

import java.util.Map;

import org.osgi.resource.Capability;
import org.osgi.resource.Resource;

/** A capability of a resource the framework has not installed (a jar, an entry of a repository index). */
public final class PackageCapability extends PackageClause implements Capability {
    public PackageCapability(Resource resource, String namespace, Map<String, Object> attributes,
            Map<String, String> directives) {
        super(resource, namespace, attributes, directives);
    }

    @Override
    public String toString() {
        return getNamespace() + getAttributes();
    }
}
