package pebbleos.api.bundle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;

import pebbleos.api.PebbleException;

/**
 * The services bundles say they offer: the {@code osgi.service} clauses of
 * their {@code Provide-Capability} headers (derived by bnd from Declarative
 * Services, with the family, engine and mode attributes of
 * {@code @ProvidesFamily}, {@code @ProvidesEngine} and
 * {@code @ProvidesFileSystem}). The framework keeps these out of its bundle
 * revisions, since services come and go at run time; this reads them from
 * the manifest. It tells, before waiting for a service, whether any
 * installed bundle could ever register it.
 */
public final class DeclaredServices {
    public static final String NAMESPACE = "osgi.service";

    private DeclaredServices() {
    }

    /** The attributes of each service capability {@code bundle} declares (none when its header is malformed). */
    public static List<Map<String, Object>> of(Bundle bundle) {
        List<Map<String, Object>> out = new ArrayList<>();
        String header = bundle.getHeaders("").get(Constants.PROVIDE_CAPABILITY);
        try {
            for (HeaderClause c : HeaderClause.parse(Constants.PROVIDE_CAPABILITY, header)) {
                if (c.paths().contains(NAMESPACE)) {
                    out.add(c.typedAttributes(Constants.PROVIDE_CAPABILITY));
                }
            }
        } catch (PebbleException e) {
            // a header the framework accepted but this reader does not: no services seen here
        }
        return out;
    }

    /** The installed bundles that declare a service capability matching {@code filter}. */
    public static List<Bundle> providers(BundleContext context, String filter) {
        Filter f;
        try {
            f = FrameworkUtil.createFilter(filter);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(filter, e);
        }
        List<Bundle> out = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            if (b.getState() == Bundle.UNINSTALLED) {
                continue;
            }
            for (Map<String, Object> attributes : of(b)) {
                if (f.matches(attributes)) {
                    out.add(b);
                    break;
                }
            }
        }
        return out;
    }
}
