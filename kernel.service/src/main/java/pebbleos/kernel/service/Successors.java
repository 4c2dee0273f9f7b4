package pebbleos.kernel.service;

import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.resource.Capability;

import pebbleos.api.PebbleException;
import pebbleos.kernel.service.repository.Repositories;
import pebbleos.kernel.service.resource.PackageResource;

/**
 * Which bundles could take over a role: those of the image's repository
 * offering an {@code osgi.service} capability that matches a filter. A
 * refusal to remove the last engine or the root filesystem's backend names
 * them, so the user knows what to install first.
 */
final class Successors {
    private final Repositories repositories;

    Successors(Repositories repositories) {
        this.repositories = repositories;
    }

    /** The bundles (names, sorted, without {@code except}) offering a service capability matching {@code filter}. */
    List<String> find(String filter, String except) {
        List<String> out = new ArrayList<>();
        if (!repositories.hasImageRepository()) {
            return out;
        }
        try {
            Filter f = FrameworkUtil.createFilter(filter);
            for (PackageResource r : repositories.read(null, Repositories.IMAGE)) {
                for (Capability c : r.getCapabilities("osgi.service")) {
                    if (f.matches(c.getAttributes()) && !r.name().equals(except) && !out.contains(r.name())) {
                        out.add(r.name());
                    }
                }
            }
        } catch (InvalidSyntaxException | PebbleException e) {
            return out;
        }
        out.sort(null);
        return out;
    }

    /** " (NAME or NAME from the image repository)", or nothing when it offers none. */
    String offer(String filter, String except) {
        List<String> names = find(filter, except);
        return names.isEmpty() ? "" : " (" + String.join(" or ", names) + ", from the image repository)";
    }
}
