package pebbleos.system.boot;

import java.io.IOException;
import java.util.Hashtable;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Turns the Gogo bridge on ({@code --gogo}) by creating its configuration
 * ({@code pebbleos.gogo}) through ConfigAdmin. Kept apart so that the
 * bootloader loads the ConfigAdmin types only when it needs them: images
 * without ConfigAdmin still boot.
 */
final class GogoSwitch {
    private GogoSwitch() {
    }

    static void enable(BundleContext context) throws Bootloader.BootFailure {
        ServiceReference<?> ref = context.getServiceReference("org.osgi.service.cm.ConfigurationAdmin");
        if (ref == null) {
            throw new Bootloader.BootFailure("--gogo: this image has no Gogo bridge (no ConfigAdmin)");
        }
        ConfigurationAdmin admin = (ConfigurationAdmin) context.getService(ref);
        try {
            Configuration config = admin.getConfiguration("pebbleos.gogo", "?");
            Hashtable<String, Object> props = new Hashtable<>();
            props.put("timeout.s", 60L);
            config.update(props);
        } catch (IOException e) {
            throw new Bootloader.BootFailure("--gogo: " + e.getMessage());
        } finally {
            context.ungetService(ref);
        }
    }
}
