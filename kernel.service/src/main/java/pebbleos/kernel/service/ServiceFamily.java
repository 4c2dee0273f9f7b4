package pebbleos.kernel.service;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.List;
import java.util.function.Supplier;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.resource.Capability;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.resolver.Resolver;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.console.Console;
import pebbleos.api.engine.ExecutionEngine;
import pebbleos.api.fs.FileSystem;
import pebbleos.api.fs.Mounts;
import pebbleos.api.process.Processes;
import pebbleos.api.process.TaskContext;
import pebbleos.api.syscall.Args;
import pebbleos.api.syscall.Dispatch;
import pebbleos.api.syscall.ProvidesFamily;
import pebbleos.api.syscall.Syscall;
import pebbleos.api.syscall.SyscallFamily;
import pebbleos.api.syscall.SyscallHandler;
import pebbleos.api.syscall.SyscallTable;
import pebbleos.api.value.PDict;
import pebbleos.api.value.PList;
import pebbleos.kernel.service.repository.Repositories;
import pebbleos.kernel.service.resource.ManifestReader;
import pebbleos.kernel.service.resource.PackageResource;

/**
 * The {@code service} family: module management from Pebble, in the spirit
 * of lsmod/insmod/rmmod. It lists the bundles (with their revision and
 * install time) and which bundle serves each syscall family, filesystem
 * mode, engine and the console; installs, updates, starts, stops and
 * removes bundles; switches which provider serves a syscall family; and
 * offers the primitives of packages ({@link PackageCalls}).
 */
@ProvidesFamily("service")
@Component(service = SyscallFamily.class, property = SyscallFamily.FAMILY + "=service")
public final class ServiceFamily implements SyscallFamily, Dispatch.Table {
    // the syscalls by number, answered by call(): one class, not one spun per lambda (Dispatch)
    private static final int BUNDLES = 0;
    private static final int INFO = 1;
    private static final int ROLES = 2;
    private static final int INSTALL = 3;
    private static final int UPDATE = 4;
    private static final int START = 5;
    private static final int STOP = 6;
    private static final int UNINSTALL = 7;
    private static final int PREFER = 8;
    private static final int IMAGE_REPOSITORY = 9;

    private BundleContext context;
    private Repositories repositories;
    private PackageCalls packages;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Mounts mounts;

    /** The framework's resolver (Felix registers it from the system bundle). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Resolver resolver;

    @Reference
    private BundleHistory history;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Processes processes;

    @Activate
    void activate(BundleContext bundleContext) {
        this.context = bundleContext;
        this.repositories = imageRepository(bundleContext);
        // a class, not a lambda: a bundle's lambdas are spun again at every boot (docs/performance.md, fourteenth pass)
        this.packages = new PackageCalls(bundleContext, repositories, new Supplier<Resolver>() {
            @Override
            public Resolver get() {
                return resolver;
            }
        });
    }

    /**
     * The image's repository: the host folder the framework property
     * {@code pebbleos.repository} names, else {@code repository} beside the
     * image jar (where the build leaves it: distro/target/repository).
     */
    static Repositories imageRepository(BundleContext context) {
        String folder = context.getProperty("pebbleos.repository");
        if (folder != null && !folder.isBlank()) {
            return new Repositories(Path.of(folder));
        }
        String classPath = System.getProperty("java.class.path", "");
        if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)) {
            Path beside = Path.of(classPath).toAbsolutePath().resolveSibling("repository");
            if (Files.isDirectory(beside)) {
                return new Repositories(beside);
            }
        }
        return new Repositories(null);
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
        return new Modules(context, mounts, new Successors(repositories), processes);
    }

    @Override
    public String name() {
        return "service";
    }

    @Override
    public List<Syscall> syscalls() {
        List<Syscall> calls = new ArrayList<>(List.of(
                new Syscall("service_bundles", "",
                        "every bundle: id, name, version, state, location, kernel, revision, installed (seconds), "
                                + "description, package (its pebble.package name, or \"\")",
                        new Dispatch(this, BUNDLES)),
                new Syscall("service_info", "name",
                        "one installed bundle: what service_bundles says, and provides, requires, files (its system/ "
                                + "entries), dependents (bundles wired to it)",
                        new Dispatch(this, INFO)),
                new Syscall("service_roles", "",
                        "who serves what: role (family, fs, engine, console), name, provider, version, ranking, serving",
                        new Dispatch(this, ROLES)),
                new Syscall("service_install", "path",
                        "install a bundle jar (a path, or image:FILE of the image repository) and start it "
                                + "(or update the bundle of that name); returns its name; root only",
                        new RootOnly("service_install", new Dispatch(this, INSTALL))),
                new Syscall("service_update", "name [, path]", "update a bundle from its location or from a jar; root only",
                        new RootOnly("service_update", new Dispatch(this, UPDATE))),
                new Syscall("service_start", "name", "start a bundle; root only",
                        new RootOnly("service_start", new Dispatch(this, START))),
                new Syscall("service_stop", "name",
                        "stop a bundle (not the kernel's, nor the last engine or the root filesystem's); \"\" when "
                                + "done, else what it waits for: an engine's only bundle stops once its programs end; root only",
                        new RootOnly("service_stop", new Dispatch(this, STOP))),
                new Syscall("service_uninstall", "name",
                        "remove a bundle (not the kernel's, nor the last engine or the root filesystem's); \"\" when "
                                + "done, else what it waits for (as service_stop); root only",
                        new RootOnly("service_uninstall", new Dispatch(this, UNINSTALL))),
                new Syscall("service_prefer", "family, bundle",
                        "make a bundle's provider serve a syscall family (\"\" restores the ranking order); root only",
                        new RootOnly("service_prefer", new Dispatch(this, PREFER))),
                new Syscall("service_image_repository", "",
                        "1 when the image has its own repository (\"image\" in service_repository), else 0",
                        new Dispatch(this, IMAGE_REPOSITORY))));
        calls.addAll(packages.syscalls());
        return calls;
    }

    @Override
    public Object call(int id, TaskContext c, Object[] a) {
        return switch (id) {
            case BUNDLES -> bundles();
            case INFO -> info(Args.of("service_info", a, 1, 1).string(0));
            case ROLES -> roles();
            case INSTALL -> install(c, a);
            case UPDATE -> update(c, a);
            case START -> start(a);
            case STOP -> modules().stop(modules().find(Args.of("service_stop", a, 1, 1).string(0)));
            case UNINSTALL -> modules().uninstall(modules().find(Args.of("service_uninstall", a, 1, 1).string(0)));
            case PREFER -> prefer(c, a);
            case IMAGE_REPOSITORY -> repositories.hasImageRepository() ? 1L : 0L;
            default -> throw new IllegalArgumentException("service: no syscall " + id);
        };
    }

    /**
     * Bundles are Java code with the whole kernel in reach: installing,
     * updating, starting, stopping and rerouting them is root's (EPERM for
     * anyone else); listing them is everyone's.
     */
    private record RootOnly(String name, SyscallHandler handler) implements SyscallHandler {
        @Override
        public Object call(TaskContext c, Object[] a) {
            if (!c.process().credentials().root()) {
                throw new PebbleException(Errno.PERM, name + ": operation not permitted (root only: try sudo)");
            }
            return handler.call(c, a);
        }
    }

    private PDict bundleDict(Bundle b) {
        String description = b.getHeaders().get(Constants.BUNDLE_DESCRIPTION);
        return PDict.of("id", b.getBundleId(), "name", String.valueOf(b.getSymbolicName()),
                "version", b.getVersion().toString(), "state", state(b), "location", b.getLocation(),
                "kernel", KernelBundles.contains(context, b) ? 1L : 0L,
                "revision", (long) history.revision(b), "installed", history.installedAt(b) / 1000.0,
                "description", description == null ? "" : description, "package", packageName(b));
    }

    /** The name a bundle offers in the {@code pebble.package} namespace, or "". */
    private static String packageName(Bundle b) {
        BundleRevision revision = b.adapt(BundleRevision.class);
        if (revision != null) {
            for (Capability c : revision.getCapabilities(PACKAGE_NAMESPACE)) {
                return String.valueOf(c.getAttributes().get(PACKAGE_NAMESPACE));
            }
        }
        return "";
    }

    /** The namespace of Pebble packages' capabilities. */
    static final String PACKAGE_NAMESPACE = "pebble.package";

    private PList bundles() {
        PList out = new PList();
        for (Bundle b : context.getBundles()) {
            out.append(bundleDict(b));
        }
        return out;
    }

    private PDict info(String name) {
        Bundle b = modules().find(name);
        PDict d = bundleDict(b);
        // from the manifest: the framework's revision leaves out the osgi.service capabilities
        PackageResource declared = ManifestReader.describe(b.getHeaders(""), b.getLocation());
        d.put("provides", ResourceDicts.provides(declared));
        d.put("requires", ResourceDicts.requires(declared));
        PList files = new PList();
        Enumeration<URL> entries = b.findEntries("system", "*", true);
        while (entries != null && entries.hasMoreElements()) {
            String path = entries.nextElement().getPath();
            if (!path.endsWith("/")) {
                files.append(path.startsWith("/") ? path.substring(1) : path);
            }
        }
        d.put("files", files);
        d.put("dependents", ResourceDicts.dependents(b));
        return d;
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
        byte[] jar = repositories.content(caller, path);
        Bundle b = modules().install(path.startsWith(Repositories.IMAGE + ":") ? path : "pebble:" + path, jar);
        return b.getSymbolicName();
    }

    private Object start(Object[] values) {
        modules().start(modules().find(Args.of("service_start", values, 1, 1).string(0)));
        return 0L;
    }

    private Object update(TaskContext caller, Object[] values) {
        Args args = Args.of("service_update", values, 1, 2);
        Bundle b = modules().find(args.string(0));
        byte[] jar = args.has(1) ? PebbleFiles.read(caller, args.string(1)) : null;
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
}
