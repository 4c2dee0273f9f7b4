package pebbleos.kernel.service;

import java.io.ByteArrayOutputStream;
import java.util.Collection;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.console.Console;
import pebbleos.api.engine.ExecutionEngine;
import pebbleos.api.fs.FileSystem;
import pebbleos.api.fs.Mounts;
import pebbleos.api.process.Channel;
import pebbleos.api.process.TaskContext;
import pebbleos.api.syscall.Args;
import pebbleos.api.syscall.Syscall;
import pebbleos.api.syscall.SyscallFamily;
import pebbleos.api.syscall.SyscallHandler;
import pebbleos.api.syscall.SyscallTable;
import pebbleos.api.value.PDict;
import pebbleos.api.value.PList;

/**
 * The {@code service} family: module management from Pebble, in the spirit
 * of lsmod/insmod/rmmod. It lists the bundles and which bundle serves each
 * syscall family, filesystem mode, engine and the console; installs,
 * updates, starts, stops and removes bundles; and switches which provider
 * serves a syscall family.
 */
@Component(service = SyscallFamily.class, property = SyscallFamily.FAMILY + "=service")
public final class ServiceFamily implements SyscallFamily {
    private BundleContext context;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Mounts mounts;

    @Activate
    void activate(BundleContext bundleContext) {
        this.context = bundleContext;
    }

    /**
     * The syscall table, looked up when a call needs it: a reference would be
     * a cycle (the table references every family, this one included) and SCR
     * warns about it at every boot.
     */
    private SyscallTable table() {
        ServiceReference<SyscallTable> ref = context.getServiceReference(SyscallTable.class);
        return ref == null ? null : context.getService(ref);
    }

    private Modules modules() {
        return new Modules(context, mounts);
    }

    @Override
    public String name() {
        return "service";
    }

    @Override
    public List<Syscall> syscalls() {
        return List.of(
                new Syscall("service_bundles", "", "every bundle: id, name, version, state, location, kernel",
                        (c, a) -> bundles()),
                new Syscall("service_roles", "",
                        "who serves what: role (family, fs, engine, console), name, provider, version, ranking, serving",
                        (c, a) -> roles()),
                new Syscall("service_install", "path",
                        "install a bundle jar from the filesystem and start it (or update the bundle of that name); root only",
                        rootOnly("service_install", this::install)),
                new Syscall("service_update", "name [, path]", "update a bundle from its location or from a jar; root only",
                        rootOnly("service_update", this::update)),
                new Syscall("service_start", "name", "start a bundle; root only", rootOnly("service_start", (c, a) -> {
                    modules().start(modules().find(Args.of("service_start", a, 1, 1).string(0)));
                    return 0L;
                })),
                new Syscall("service_stop", "name", "stop a bundle (not the kernel's, nor the root filesystem's); root only",
                        rootOnly("service_stop", (c, a) -> {
                            modules().stop(modules().find(Args.of("service_stop", a, 1, 1).string(0)));
                            return 0L;
                        })),
                new Syscall("service_uninstall", "name",
                        "remove a bundle (not the kernel's, nor the root filesystem's); root only",
                        rootOnly("service_uninstall", (c, a) -> {
                            modules().uninstall(modules().find(Args.of("service_uninstall", a, 1, 1).string(0)));
                            return 0L;
                        })),
                new Syscall("service_prefer", "family, bundle",
                        "make a bundle's provider serve a syscall family (\"\" restores the ranking order); root only",
                        rootOnly("service_prefer", this::prefer)));
    }

    /**
     * Bundles are Java code with the whole kernel in reach: installing,
     * updating, starting, stopping and rerouting them is root's (EPERM for
     * anyone else); listing them is everyone's.
     */
    private static SyscallHandler rootOnly(String name, SyscallHandler handler) {
        return (c, a) -> {
            if (!c.process().credentials().root()) {
                throw new PebbleException(Errno.PERM, name + ": operation not permitted (root only: try sudo)");
            }
            return handler.call(c, a);
        };
    }

    private PList bundles() {
        PList out = new PList();
        for (Bundle b : context.getBundles()) {
            out.append(PDict.of("id", b.getBundleId(), "name", String.valueOf(b.getSymbolicName()),
                    "version", b.getVersion().toString(), "state", state(b), "location", b.getLocation(),
                    "kernel", Modules.KERNEL.contains(b.getSymbolicName()) || b.getBundleId() == 0 ? 1L : 0L));
        }
        return out;
    }

    static String state(Bundle b) {
        return switch (b.getState()) {
            case Bundle.ACTIVE -> "active";
            case Bundle.RESOLVED -> "resolved";
            case Bundle.INSTALLED -> "installed";
            case Bundle.STARTING -> "starting";
            case Bundle.STOPPING -> "stopping";
            default -> "uninstalled";
        };
    }

    private PList roles() {
        PList out = new PList();
        SyscallTable t = table();
        if (t != null) {
            for (var row : t.status()) {
                String family = String.valueOf(row.get("family"));
                List<String> providers = t.providers(family);
                for (ServiceReference<SyscallFamily> ref : references(SyscallFamily.class)) {
                    if (!family.equals(ref.getProperty(SyscallFamily.FAMILY))) {
                        continue;
                    }
                    String bundle = ref.getBundle() == null ? "?" : ref.getBundle().getSymbolicName();
                    out.append(role("family", family, ref, !providers.isEmpty() && providers.get(0).equals(bundle)));
                }
            }
        }
        String rootMode = mounts != null && mounts.rootMounted() ? mounts.rootMode() : "";
        for (ServiceReference<FileSystem> ref : references(FileSystem.class)) {
            for (String mode : Modules.modes(ref)) {
                out.append(role("fs", mode, ref, mode.equals(rootMode)));
            }
        }
        for (ServiceReference<ExecutionEngine> ref : references(ExecutionEngine.class)) {
            out.append(role("engine", String.valueOf(ref.getProperty(ExecutionEngine.ENGINE)), ref, true));
        }
        ServiceReference<Console> best = context.getServiceReference(Console.class);
        for (ServiceReference<Console> ref : references(Console.class)) {
            out.append(role("console", String.valueOf(ref.getProperty(Console.KIND)), ref, ref.equals(best)));
        }
        return out;
    }

    private <T> Collection<ServiceReference<T>> references(Class<T> type) {
        try {
            return context.getServiceReferences(type, null);
        } catch (InvalidSyntaxException e) {
            return List.of();
        }
    }

    private static PDict role(String role, String name, ServiceReference<?> ref, boolean serving) {
        Bundle b = ref.getBundle();
        Object ranking = ref.getProperty(Constants.SERVICE_RANKING);
        return PDict.of("role", role, "name", name, "provider", b == null ? "?" : b.getSymbolicName(),
                "version", b == null ? "" : b.getVersion().toString(), "state", b == null ? "gone" : state(b),
                "ranking", ranking instanceof Integer i ? (long) i : 0L,
                "service_id", ref.getProperty(Constants.SERVICE_ID), "serving", serving ? 1L : 0L);
    }

    private Object install(TaskContext caller, Object[] values) {
        String path = Args.of("service_install", values, 1, 1).string(0);
        byte[] jar = readFile(caller, path);
        Bundle b = modules().install("pebble:" + path, jar);
        return b.getSymbolicName();
    }

    private Object update(TaskContext caller, Object[] values) {
        Args args = Args.of("service_update", values, 1, 2);
        Bundle b = modules().find(args.string(0));
        byte[] jar = args.has(1) ? readFile(caller, args.string(1)) : null;
        modules().update(b, jar);
        return 0L;
    }

    private Object prefer(TaskContext caller, Object[] values) {
        Args args = Args.of("service_prefer", values, 2, 2);
        SyscallTable t = table();
        if (t == null) {
            throw new PebbleException(Errno.NOSYS, "service_prefer: the syscall table is not available");
        }
        String family = args.string(0);
        String bundle = args.string(1);
        if (!bundle.isEmpty() && !t.providers(family).contains(bundle)) {
            throw new PebbleException(Errno.NOENT, "service_prefer: " + bundle + " does not provide family '"
                    + family + "'");
        }
        t.prefer(family, bundle.isEmpty() ? null : bundle);
        return 0L;
    }

    /** The bytes of a file of the Pebble filesystem, read through the caller's descriptors (binary-safe). */
    static byte[] readFile(TaskContext caller, String path) {
        int fd = ((Long) caller.syscall("fd_open", path, "r")).intValue();
        try {
            Channel channel = caller.fds().get(fd).channel();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = channel.read(buffer, 0, buffer.length)) >= 0) {
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } finally {
            caller.syscall("fd_close", (long) fd);
        }
    }
}
