package pebbleos.launcher;

import java.util.Hashtable;
import java.util.concurrent.Callable;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.startlevel.BundleStartLevel;

/**
 * The activator of the test image's one bundle (LauncherTest packs this
 * class into it): a main.thread Callable whose status is its first launcher
 * argument; "park" moves its own bundle to start level 3 first, as a session
 * might, so that it would not start at the next boot unless the launcher
 * puts it back; "unresolved" gives instead how many bundles were not
 * resolved yet when this one started.
 */
public final class TestMain implements BundleActivator {
    @Override
    public void start(BundleContext context) {
        // how many other bundles the framework had not resolved when this one started
        int unresolved = 0;
        for (Bundle b : context.getBundles()) {
            unresolved += b.getState() == Bundle.INSTALLED ? 1 : 0;
        }
        int atStart = unresolved;
        Callable<Integer> main = () -> {
            String[] args = arguments(context);
            if (args.length > 1 && args[1].equals("park")) {
                context.getBundle().adapt(BundleStartLevel.class).setStartLevel(3);
            }
            if (args.length > 1 && args[1].equals("unresolved")) {
                return atStart;
            }
            return Integer.parseInt(args[0]);
        };
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("main.thread", "true");
        context.registerService(Callable.class, main, properties);
    }

    @Override
    public void stop(BundleContext context) {
    }

    private static String[] arguments(BundleContext context) throws Exception {
        for (ServiceReference<?> ref : context.getServiceReferences((String) null, "(launcher.arguments=*)")) {
            return (String[]) ref.getProperty("launcher.arguments");
        }
        return new String[0];
    }
}
