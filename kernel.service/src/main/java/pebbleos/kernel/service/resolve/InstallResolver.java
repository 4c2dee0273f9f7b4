package pebbleos.kernel.service.resolve;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.resource.Capability;
import org.osgi.resource.Requirement;
import org.osgi.resource.Resource;
import org.osgi.resource.Wire;
import org.osgi.service.resolver.ResolutionException;
import org.osgi.service.resolver.Resolver;

import pebbleos.kernel.service.resource.PackageResource;

/**
 * Decides what installing some packages takes, with the framework's own
 * resolver (Felix's, the {@link Resolver} service of the system bundle):
 * the packages asked for and every package of the repositories they need,
 * in an order where each comes after what it needs; or, when that cannot
 * be, the requirements nothing installed or offered satisfies.
 */
public final class InstallResolver {
    private final Resolver resolver;

    public InstallResolver(Resolver resolver) {
        this.resolver = resolver;
    }

    /** One package to install, and which package of the plan needs it (empty for one asked for). */
    public record Step(PackageResource resource, String neededBy) {
    }

    /** A requirement of {@code resource} that nothing installed or available provides. */
    public record Missing(Resource resource, Requirement requirement) {
    }

    /** The outcome: the steps in order, or what is missing, or the resolver's own message. */
    public record Plan(List<Step> steps, List<Missing> missing, String error) {
        public boolean ok() {
            return missing.isEmpty() && error.isEmpty();
        }
    }

    public Plan plan(Collection<Bundle> bundles, List<PackageResource> wanted, List<PackageResource> available) {
        InstallContext context = new InstallContext(bundles, wanted, available);
        Map<Resource, List<Wire>> wiring;
        try {
            wiring = resolver.resolve(context);
        } catch (ResolutionException e) {
            List<Missing> missing = missing(context, wanted);
            return new Plan(List.of(), missing, missing.isEmpty() ? String.valueOf(e.getMessage()) : "");
        }
        return new Plan(order(wanted, wiring), List.of(), "");
    }

    /**
     * The new resources of a resolution, each after the new resources it is
     * wired to, the packages asked for in the order given.
     */
    static List<Step> order(List<PackageResource> wanted, Map<Resource, List<Wire>> wiring) {
        Map<PackageResource, String> neededBy = new LinkedHashMap<>();
        for (PackageResource w : wanted) {
            neededBy.put(w, "");
        }
        for (Map.Entry<Resource, List<Wire>> e : wiring.entrySet()) {
            for (Wire wire : e.getValue()) {
                if (wire.getProvider() instanceof PackageResource p && !neededBy.containsKey(p)
                        && e.getKey() instanceof PackageResource requirer) {
                    neededBy.put(p, requirer.name());
                }
            }
        }
        List<Step> out = new ArrayList<>();
        Set<PackageResource> placed = new HashSet<>();
        for (PackageResource r : neededBy.keySet()) {
            place(r, wiring, neededBy, placed, new HashSet<>(), out);
        }
        return out;
    }

    private static void place(PackageResource r, Map<Resource, List<Wire>> wiring, Map<PackageResource, String> neededBy,
            Set<PackageResource> placed, Set<PackageResource> visiting, List<Step> out) {
        if (placed.contains(r) || !visiting.add(r)) {
            return; // placed already, or a cycle: its members go in the order met
        }
        for (Wire wire : wiring.getOrDefault(r, List.of())) {
            if (wire.getProvider() instanceof PackageResource p && p != r) {
                place(p, wiring, neededBy, placed, visiting, out);
            }
        }
        if (placed.add(r)) {
            out.add(new Step(r, neededBy.getOrDefault(r, "")));
        }
    }

    /**
     * Why a resolution failed, in terms a user can act on: walking from the
     * packages asked for through every candidate provider, the needed
     * requirements that have no provider at all.
     */
    static List<Missing> missing(InstallContext context, List<PackageResource> wanted) {
        List<Missing> out = new ArrayList<>();
        Deque<Resource> queue = new ArrayDeque<>(wanted);
        Set<Resource> seen = new LinkedHashSet<>(wanted);
        while (!queue.isEmpty()) {
            Resource r = queue.removeFirst();
            for (Requirement q : r.getRequirements(null)) {
                if (!context.needed(q)) {
                    continue;
                }
                List<Capability> providers = context.findProviders(q);
                if (providers.isEmpty()) {
                    out.add(new Missing(r, q));
                }
                for (Capability c : providers) {
                    if (c.getResource() instanceof PackageResource p && seen.add(p)) {
                        queue.addLast(p);
                    }
                }
            }
        }
        return out;
    }
}
