package pebbleos.kernel.service.resolve;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.resource.Capability;
import org.osgi.resource.Namespace;
import org.osgi.resource.Requirement;
import org.osgi.resource.Resource;
import org.osgi.resource.Wiring;
import org.osgi.service.resolver.HostedCapability;
import org.osgi.service.resolver.ResolveContext;

import pebbleos.api.bundle.DeclaredServices;
import pebbleos.kernel.service.resource.PackageCapability;
import pebbleos.kernel.service.resource.PackageResource;

/**
 * What the framework's resolver sees when a user installs packages: the
 * bundles already installed and resolved (with their wirings, so they are
 * taken as they are), the packages asked for (mandatory), and what the
 * repositories offer. Requirements that take effect only at run time
 * ({@code effective:=active}, the {@code osgi.service} requirements bnd
 * derives from Declarative Services) count, as they do when an image is
 * resolved: a package needing a syscall family, an engine or a filesystem is
 * refused (or gets its provider installed) before it is installed.
 */
final class InstallContext extends ResolveContext {
    /** The symbolic name of the framework jar (Felix): the system bundle itself, never installed. */
    static final String FRAMEWORK = "org.apache.felix.framework";

    private final List<Resource> mandatory;
    private final List<PackageResource> available;
    private final Map<Resource, Wiring> wirings = new HashMap<>();
    private final List<Capability> installed = new ArrayList<>();

    InstallContext(Collection<Bundle> bundles, List<? extends Resource> mandatory, List<PackageResource> available) {
        this.mandatory = List.copyOf(mandatory);
        Set<String> present = new HashSet<>();
        for (Bundle b : bundles) {
            if (b.getState() == Bundle.UNINSTALLED) {
                continue;
            }
            BundleRevision revision = b.adapt(BundleRevision.class);
            BundleWiring wiring = b.adapt(BundleWiring.class);
            if (revision != null && wiring != null && wiring.isCurrent()) {
                wirings.put(revision, wiring);
                installed.addAll(wiring.getCapabilities(null));
                installed.addAll(serviceCapabilities(b, revision));
                present.add(b.getSymbolicName() + "@" + b.getVersion());
            }
        }
        List<PackageResource> offered = new ArrayList<>();
        for (PackageResource r : available) {
            // a copy of what is installed offers nothing new; the framework's jar (in the image
            // repository for composing images) is not a bundle to install
            boolean copy = present.contains(r.name() + "@" + r.version()) || r.name().equals(FRAMEWORK);
            if (this.mandatory.contains(r) || !copy) {
                offered.add(r);
            }
        }
        this.available = List.copyOf(offered);
    }

    /**
     * The {@code osgi.service} capabilities an installed bundle declares, as
     * its own: the framework keeps them out of its revisions.
     */
    private static List<Capability> serviceCapabilities(Bundle b, BundleRevision revision) {
        List<Capability> out = new ArrayList<>();
        for (Map<String, Object> attributes : DeclaredServices.of(b)) {
            out.add(new PackageCapability(revision, DeclaredServices.NAMESPACE, attributes, Map.of()));
        }
        return out;
    }


    @Override
    public Collection<Resource> getMandatoryResources() {
        return mandatory;
    }

    @Override
    public List<Capability> findProviders(Requirement requirement) {
        Filter filter = filter(requirement);
        List<Capability> found = new ArrayList<>();
        for (Capability c : installed) {
            if (matches(requirement, filter, c)) {
                found.add(c);
            }
        }
        List<Capability> offered = new ArrayList<>();
        for (Resource r : mandatory) {
            for (Capability c : r.getCapabilities(requirement.getNamespace())) {
                if (matches(requirement, filter, c)) {
                    offered.add(c);
                }
            }
        }
        List<Capability> fromRepositories = new ArrayList<>();
        for (PackageResource r : available) {
            if (mandatory.contains(r)) {
                continue;
            }
            for (Capability c : r.getCapabilities(requirement.getNamespace())) {
                if (matches(requirement, filter, c)) {
                    fromRepositories.add(c);
                }
            }
        }
        // the newest version first: the resolver tries candidates in this order
        fromRepositories.sort(Comparator.comparing((Capability c) -> ((PackageResource) c.getResource()).version())
                .reversed());
        found.addAll(offered);
        found.addAll(fromRepositories);
        return found;
    }

    private static boolean matches(Requirement requirement, Filter filter, Capability c) {
        if (!requirement.getNamespace().equals(c.getNamespace())) {
            return false;
        }
        String effective = c.getDirectives().get(Namespace.CAPABILITY_EFFECTIVE_DIRECTIVE);
        if (effective != null && !Namespace.EFFECTIVE_RESOLVE.equals(effective)
                && !Namespace.EFFECTIVE_ACTIVE.equals(effective)) {
            return false;
        }
        return filter == null || filter.matches(c.getAttributes());
    }

    static Filter filter(Requirement requirement) {
        String text = requirement.getDirectives().get(Namespace.REQUIREMENT_FILTER_DIRECTIVE);
        if (text == null) {
            return null;
        }
        try {
            return FrameworkUtil.createFilter(text);
        } catch (InvalidSyntaxException e) {
            return UNMATCHABLE; // a requirement nobody can meet: the resolver reports it as missing
        }
    }

    private static final Filter UNMATCHABLE;

    static {
        try {
            UNMATCHABLE = FrameworkUtil.createFilter("(&(unmatchable=1)(!(unmatchable=1)))");
        } catch (InvalidSyntaxException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Override
    public int insertHostedCapability(List<Capability> capabilities, HostedCapability hostedCapability) {
        capabilities.add(hostedCapability);
        return capabilities.size() - 1;
    }

    @Override
    public boolean isEffective(Requirement requirement) {
        String effective = requirement.getDirectives().get(Namespace.REQUIREMENT_EFFECTIVE_DIRECTIVE);
        return effective == null || Namespace.EFFECTIVE_RESOLVE.equals(effective)
                || Namespace.EFFECTIVE_ACTIVE.equals(effective);
    }

    @Override
    public Map<Resource, Wiring> getWirings() {
        return wirings;
    }

    /** True for a mandatory, effective requirement: one whose lack makes a resource unusable. */
    boolean needed(Requirement requirement) {
        return isEffective(requirement) && !Namespace.RESOLUTION_OPTIONAL.equals(
                requirement.getDirectives().get(Namespace.REQUIREMENT_RESOLUTION_DIRECTIVE));
    }
}
