package pebbleos.system.boot;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.osgi.annotation.bundle.Requirement;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import pebbleos.api.PebbleException;
import pebbleos.api.console.Console;
import pebbleos.api.fs.FileSystem;
import pebbleos.api.fs.Mounts;
import pebbleos.api.process.Processes;

/**
 * The Java bootloader. The bnd launcher of the exported image calls this
 * {@code main.thread} service on the JVM's main thread once every bundle has
 * started, and exits with the status it returns.
 *
 * <p>Booting: wait for the mandatory services (the syscall table, the process
 * table, the mount table, an engine, the console), mount the root volume of
 * the chosen mode beside the bundle-contributed {@code /system}, then start
 * process 1, as root: a Pebble program that holds the source of
 * {@code system/shell.peb} as data and calls {@code boot()} from
 * {@code system/runtime.peb} with the session's user ({@code --user NAME},
 * {@code pebble} by default) or {@code --login}, then the shell's arguments.
 * From there everything visible is Pebble: process 1 prepares the disk and
 * starts the user's shell. The exit status is process 1's.
 *
 * <p>Those services are requirements of this bundle's manifest
 * ({@code osgi.service}, effective at run time), so an image that lacks one
 * fails when it is resolved, naming the capability, rather than at boot.
 */
@Requirement(namespace = "osgi.service", filter = "(objectClass=pebbleos.api.syscall.SyscallTable)", effective = "active")
@Requirement(namespace = "osgi.service", filter = "(objectClass=pebbleos.api.process.Processes)", effective = "active")
@Requirement(namespace = "osgi.service", filter = "(objectClass=pebbleos.api.fs.Mounts)", effective = "active")
@Requirement(namespace = "osgi.service", filter = "(objectClass=pebbleos.api.fs.FileSystem)", effective = "active")
@Requirement(namespace = "osgi.service", filter = "(objectClass=pebbleos.api.engine.ExecutionEngine)", effective = "active")
@Requirement(namespace = "osgi.service", filter = "(objectClass=pebbleos.api.console.Console)", effective = "active")
@Component(service = Callable.class, immediate = true, property = "main.thread=true")
public final class Bootloader implements Callable<Integer> {
    /** How long boot waits for a mandatory service. */
    static final long SERVICE_WAIT_MILLIS = 10_000;
    /**
     * When a session starts the rest of the image: after its first prompt
     * (~0.4 s after process 1 starts); starting them at once delayed the
     * prompt by ~150 ms.
     */
    static final long SESSION_RAISE_DELAY_MILLIS = 1_500;

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
            try {
                DeferredBundles.raiseAndWait(context, SERVICE_WAIT_MILLIS); // the whole image, as a session has it
            } catch (BootFailure e) {
                err.println("pebbleos: " + e.getMessage());
            }
            printBundles(out);
            return 0;
        }
        try {
            return boot(options);
        } catch (BootFailure | PebbleException e) {
            err.println("pebbleos: boot failed: " + e.getMessage());
            return 1;
        }
    }

    /** A mandatory part of the system is missing. */
    static final class BootFailure extends Exception {
        private static final long serialVersionUID = 1L;

        BootFailure(String message) {
            super(message, null, false, false);
        }
    }

    private int boot(BootOptions options) throws BootFailure {
        Services services = new Services(context, SERVICE_WAIT_MILLIS);
        Processes processes = services.await(Processes.class, "the process table");
        Mounts mounts = services.await(Mounts.class, "the mount table");
        SystemLog.install(mounts); // /var/log/pebbleos.log, once / is mounted
        SystemLog.frameworkErrors(context);
        services.await(Console.class, "a console");
        List<String> engines = services.awaitEngines(processes);
        // a session (no -c, no script) comes back when its console is replaced under it
        boolean session = options.command() == null && options.script().isEmpty();
        DeferredBundles.Later later = null;
        if (options.gogo() || Boolean.parseBoolean(context.getProperty("pebbleos.gogo"))) {
            DeferredBundles.raiseAndWait(context, SERVICE_WAIT_MILLIS); // ConfigAdmin and the bridge
            GogoSwitch.enable(context);
        } else if (!BootOptions.DEFAULT_MODE.equals(options.fsMode())) {
            DeferredBundles.raise(context); // the mode's backend (the mount waits for it)
        } else if (session) {
            later = DeferredBundles.raiseLater(context, SESSION_RAISE_DELAY_MILLIS); // once the prompt is up
        }
        Path root = hostRoot(options.root());
        services.declared("(&(objectClass=" + FileSystem.class.getName() + ")(" + FileSystem.MODE + "="
                + options.fsMode() + "))", "filesystem for mode '" + options.fsMode() + "'");
        mounts.mountRoot(options.fsMode(), root, options.allowSystemWrites(), SERVICE_WAIT_MILLIS);

        String engine = shellEngine(context.getProperty("pebbleos.shell.engine"), engines);
        List<String> argv = new ArrayList<>();
        argv.add("/system/boot");
        if (options.login()) {
            argv.add("--login");
        } else {
            argv.add("--user");
            argv.add(options.user());
        }
        if (options.command() != null) {
            argv.add("-c");
            argv.add(options.command());
        }
        argv.addAll(options.script());
        // only what the host alone knows: PATH, HOME, USER and SHELL are
        // login.peb's policy (process 1 sets its own, the session its user's)
        Map<String, String> env = new java.util.TreeMap<>();
        env.put("FS_MODE", options.fsMode());
        if (System.getenv("PEBBLE_TRACE") != null) {
            env.put("PEBBLE_TRACE", System.getenv("PEBBLE_TRACE")); // the shell echoes each line it runs
        }
        String term = System.getenv("TERM");
        if (term != null) {
            env.put("TERM", term);
        }
        ShellSupervisor supervisor = new ShellSupervisor(context, processes, engine, argv, env, BOOT_PROGRAM,
                session);
        try {
            return supervisor.run();
        } finally {
            if (later != null) {
                later.cancel(SERVICE_WAIT_MILLIS); // the framework stops next: not while it raises the level
            }
        }
    }

    /**
     * The engine of process 1: the one the framework property
     * {@code pebbleos.shell.engine} names, else the bytecode VM (its code cache
     * spares a boot parsing the shell), else the interpreter, else any.
     */
    static String shellEngine(String wanted, List<String> engines) {
        if (wanted != null && engines.contains(wanted)) {
            return wanted;
        }
        for (String preferred : List.of("vm", "interp")) {
            if (engines.contains(preferred)) {
                return preferred;
            }
        }
        return engines.get(0);
    }

    /** The disk folder: {@code --root}, else {@code pebble_disk} beside the launcher script. */
    static Path hostRoot(String option) throws BootFailure {
        Path root = option != null ? Path.of(option)
                : Path.of(System.getProperty("pebbleos.home", ".")).resolve("pebble_disk");
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new BootFailure("cannot create the disk folder " + root + ": " + e.getMessage());
        }
        return root.toAbsolutePath().normalize();
    }

    /** Process 1: boot() of the runtime API with the session's user and the shell's arguments. */
    static final String BOOT_PROGRAM = "exit(boot(ARGV))\n";

    private void printBundles(PrintStream out) {
        for (Bundle b : context.getBundles()) {
            BundleStartLevel level = b.adapt(BundleStartLevel.class);
            out.printf("%-3d %-40s %-20s level %d  %s%n", b.getBundleId(), b.getSymbolicName(), b.getVersion(),
                    level == null ? 0 : level.getStartLevel(), state(b));
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
