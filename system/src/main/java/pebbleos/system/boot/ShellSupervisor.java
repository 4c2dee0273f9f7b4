package pebbleos.system.boot;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

import pebbleos.api.console.Console;
import pebbleos.api.process.OpenFile;
import pebbleos.api.process.Processes;

/**
 * Runs process 1 (the boot program and the shell) on the best console and
 * waits for it. When the console the session runs on goes away (its bundle
 * is stopped or updated), the shell sees end of input and ends; the
 * supervisor then starts it again on the console that serves now, waiting a
 * while for a console of the same kind to come back first: stopping and
 * starting {@code tty.console} brings the shell back.
 */
final class ShellSupervisor {
    /** How long a session waits for its kind of console to come back before taking another. */
    static final long SAME_KIND_WAIT_MILLIS = 10_000;

    private final BundleContext context;
    private final Processes processes;
    private final String engine;
    private final List<String> argv;
    private final Map<String, String> env;
    private final String program;
    private final boolean session;
    private final ServiceTracker<Console, Console> consoles;
    private volatile ServiceReference<Console> serving;
    private volatile boolean lost;

    ShellSupervisor(BundleContext context, Processes processes, String engine, List<String> argv,
            Map<String, String> env, String program, boolean session) {
        this.context = context;
        this.processes = processes;
        this.engine = engine;
        this.argv = argv;
        this.env = env;
        this.program = program;
        this.session = session;
        this.consoles = new ServiceTracker<>(context, Console.class, null) {
            @Override
            public void removedService(ServiceReference<Console> reference, Console service) {
                if (reference.equals(serving)) {
                    lost = true;
                }
                super.removedService(reference, service);
            }
        };
        consoles.open();
    }

    /** Run the session; its exit status is the system's. */
    int run() throws Bootloader.BootFailure {
        String kind = null;
        while (true) {
            ServiceReference<Console> ref = pick(kind);
            Console console = consoles.getService(ref);
            serving = ref;
            lost = false;
            kind = String.valueOf(ref.getProperty(Console.KIND));
            int status = runOn(console);
            console.flush();
            System.out.flush();
            if (!session || !lost) {
                return status;
            }
        }
    }

    private int runOn(Console console) {
        Map<Integer, OpenFile> fds = Map.of(
                0, new OpenFile(console.channel(Console.STDIN), OpenFile.READ),
                1, new OpenFile(console.channel(Console.STDOUT), OpenFile.WRITE),
                2, new OpenFile(console.channel(Console.STDERR), OpenFile.WRITE));
        int pid;
        try {
            pid = processes.spawn(null, engine, "/system/boot", argv, fds, env, "/", 0, program);
        } finally {
            for (OpenFile f : fds.values()) {
                f.release();
            }
        }
        processes.setForegroundGroup(pid);
        return processes.waitFor(null, pid);
    }

    /** The console to run on: after a loss, the same kind if it comes back in time, else the best one. */
    private ServiceReference<Console> pick(String kind) throws Bootloader.BootFailure {
        long deadline = System.currentTimeMillis() + (kind == null ? 0 : SAME_KIND_WAIT_MILLIS);
        while (true) {
            ServiceReference<Console> best = consoles.getServiceReference();
            if (best != null && (kind == null || kind.equals(best.getProperty(Console.KIND))
                    || System.currentTimeMillis() > deadline)) {
                return best;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Bootloader.BootFailure("interrupted while waiting for a console");
            }
            if (best == null && System.currentTimeMillis() > deadline + SAME_KIND_WAIT_MILLIS) {
                throw new Bootloader.BootFailure("no console came back");
            }
        }
    }
}
