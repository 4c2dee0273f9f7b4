package pebbleos.kernel.service.resource;

import java.util.Map;

import org.osgi.resource.Resource;

/**
 * What a capability and a requirement of a not-installed resource both are:
 * a namespace, attributes and directives, owned by the resource.
 */
abstract class PackageClause {
    private final Resource resource;
    private final String namespace;
    private final Map<String, Object> attributes;
    private final Map<String, String> directives;

    PackageClause(Resource resource, String namespace, Map<String, Object> attributes, Map<String, String> directives) {
        this.resource = resource;
        this.namespace = namespace;
        this.attributes = Map.copyOf(attributes);
        this.directives = Map.copyOf(directives);
    }

    public String getNamespace() {
        return namespace;
    }

    public Map<String, String> getDirectives() {
        return directives;
    }

    public Map<String, Object> getAttributes() {
        return attributes;
    }

    public Resource getResource() {
        return resource;
    }
}
