package pebbleos.system.boot;

import java.io.PrintStream;
import java.util.concurrent.Callable;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The Java bootloader. The bnd launcher of the exported image calls this
 * {@code main.thread} service on the JVM's main thread once every bundle has
 * started, and exits with the status it returns.
 */
@Component(service = Callable.class, immediate = true, property = "main.thread=true")
public final class Bootloader implements Callable<Integer> {
    private final BundleContext context;
    private final String[] arguments;

    @Activate
    public Bootloader(BundleContext context) {
        this.context = context;
        this.arguments = launcherArguments(context);
    }

    /**
     * The command line, from the service the bnd launcher registers before any
     * bundle starts. Looked up directly rather than referenced, so that images
     * without that launcher (Pax Exam) still resolve.
     */
    static String[] launcherArguments(BundleContext context) {
        try {
            for (ServiceReference<?> ref : context.getServiceReferences((String) null, "(launcher.arguments=*)")) {
                if (ref.getProperty("launcher.arguments") instanceof String[] a) {
                    return a;
                }
            }
        } catch (InvalidSyntaxException | NullPointerException e) {
            // no launcher service: no arguments
        }
        return new String[0];
    }

    @Override
    public Integer call() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        BootOptions options;
        try {
            options = BootOptions.parse(arguments);
        } catch (BootOptions.UsageError e) {
            err.println("pebbleos: " + e.getMessage());
            err.println(BootOptions.USAGE);
            return 2;
        }
        if (options.help()) {
            out.print(BootOptions.helpText());
            return 0;
        }
        if (options.version()) {
            out.println("PebbleOS " + context.getBundle().getVersion());
            return 0;
        }
        if (options.bundles()) {
            printBundles(out);
            return 0;
        }
        err.println("pebbleos: the shell is not part of this build yet");
        return 1;
    }

    private void printBundles(PrintStream out) {
        for (Bundle b : context.getBundles()) {
            out.printf("%-3d %-40s %-12s %s%n", b.getBundleId(), b.getSymbolicName(), b.getVersion(), state(b));
        }
    }

    static String state(Bundle b) {
        return switch (b.getState()) {
            case Bundle.ACTIVE -> "Active";
            case Bundle.RESOLVED -> "Resolved";
            case Bundle.INSTALLED -> "Installed";
            case Bundle.STARTING -> "Starting";
            case Bundle.STOPPING -> "Stopping";
            case Bundle.UNINSTALLED -> "Uninstalled";
            default -> "Unknown";
        };
    }
}
