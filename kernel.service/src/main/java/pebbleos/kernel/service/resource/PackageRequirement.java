package pebbleos.kernel.service.resource;

import java.util.Map;

import org.osgi.resource.Requirement;
import org.osgi.resource.Resource;

/** A requirement of a resource the framework has not installed (a jar, an entry of a repository index). */
public final class PackageRequirement implements Requirement {
    private final Resource resource;
    private final String namespace;
    private final Map<String, Object> attributes;
    private final Map<String, String> directives;

    public PackageRequirement(Resource resource, String namespace, Map<String, Object> attributes,
            Map<String, String> directives) {
        this.resource = resource;
        this.namespace = namespace;
        this.attributes = Map.copyOf(attributes);
        this.directives = Map.copyOf(directives);
    }

    @Override
    public String getNamespace() {
        return namespace;
    }

    @Override
    public Map<String, String> getDirectives() {
        return directives;
    }

    @Override
    public Map<String, Object> getAttributes() {
        return attributes;
    }

    @Override
    public Resource getResource() {
        return resource;
    }

    @Override
    public String toString() {
        return namespace + directives;
    }
}
