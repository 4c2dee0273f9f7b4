package pebbleos.kernel.service.resource;

import java.util.Map;

import org.osgi.resource.Requirement;
import org.osgi.resource.Resource;

/** A requirement of a resource the framework has not installed (a jar, an entry of a repository index). */
public final class PackageRequirement extends PackageClause implements Requirement {
    public PackageRequirement(Resource resource, String namespace, Map<String, Object> attributes,
            Map<String, String> directives) {
        super(resource, namespace, attributes, directives);
    }

    @Override
    public String toString() {
        return getNamespace() + getDirectives();
    }
}
