package pebbleos.kernel.service;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.jar.JarInputStream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.resolver.Resolver;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.process.TaskContext;
import pebbleos.api.syscall.Args;
import pebbleos.api.syscall.Dispatch;
import pebbleos.api.syscall.Syscall;
import pebbleos.api.value.PDict;
import pebbleos.api.value.PList;
import pebbleos.kernel.service.build.BundleWriter;
import pebbleos.kernel.service.repository.Repositories;
import pebbleos.kernel.service.resolve.InstallResolver;
import pebbleos.kernel.service.resource.ManifestReader;
import pebbleos.kernel.service.resource.PackageResource;

/**
 * The package primitives of the {@code service} family: write a bundle jar,
 * describe one, index a folder of them, read repositories, and ask the
 * framework's resolver what installing some packages takes. What a package
 * is (its manifest headers), where repositories are, what to install and in
 * which order to tell the user is {@code pkg}'s, in Pebble.
 */
final class PackageCalls implements Dispatch.Table {
    // the syscalls by number, answered by call(): one class, not one spun per lambda (Dispatch)
    private static final int BUILD = 0;
    private static final int DESCRIBE = 1;
    private static final int INDEX = 2;
    private static final int REPOSITORY = 3;
    private static final int RESOLVE = 4;

    private final BundleContext context;
    private final Repositories repositories;
    private final Supplier<Resolver> resolver;

    PackageCalls(BundleContext context, Repositories repositories, Supplier<Resolver> resolver) {
        this.context = context;
        this.repositories = repositories;
        this.resolver = resolver;
    }

    List<Syscall> syscalls() {
        return List.of(
                new Syscall("service_build", "jar, headers, files",
                        "write a bundle jar: headers (dict, in order) as its manifest, files (dict entry name -> path) "
                                + "as its entries; returns its size in bytes",
                        new Dispatch(this, BUILD)),
                new Syscall("service_describe", "jar",
                        "what a bundle jar is: name, version, description, provides, requires, files (its entries)",
                        new Dispatch(this, DESCRIBE)),
                new Syscall("service_index", "dir",
                        "write DIR/index.xml, the OSGi repository index of the bundle jars in DIR; returns their number",
                        new Dispatch(this, INDEX)),
                new Syscall("service_repository", "sources",
                        "the packages of repositories (\"image\" or folders holding index.xml): name, version, "
                                + "description, location, provides, requires",
                        new Dispatch(this, REPOSITORY)),
                new Syscall("service_resolve", "targets, sources",
                        "what installing targets (package names or jar paths) takes, by the framework's resolver: "
                                + "dict steps (name, version, location, needed_by, installed), missing (resource, "
                                + "namespace, filter), error",
                        new Dispatch(this, RESOLVE)));
    }

    @Override
    public Object call(int id, TaskContext c, Object[] a) {
        return switch (id) {
            case BUILD -> build(c, a);
            case DESCRIBE -> describe(c, a);
            case INDEX -> index(c, a);
            case REPOSITORY -> repository(c, a);
            case RESOLVE -> resolve(c, a);
            default -> throw new IllegalArgumentException("service (packages): no syscall " + id);
        };
    }

    private Object build(TaskContext caller, Object[] values) {
        Args args = Args.of("service_build", values, 3, 3);
        String jar = args.string(0);
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<Object, Object> h : args.dict(1).entries()) {
            headers.put(String.valueOf(h.getKey()), String.valueOf(h.getValue()));
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (Map.Entry<Object, Object> f : args.dict(2).entries()) {
            entries.put(String.valueOf(f.getKey()), PebbleFiles.read(caller, String.valueOf(f.getValue())));
        }
        byte[] bytes = BundleWriter.write(headers, entries);
        PebbleFiles.write(caller, jar, bytes);
        return (long) bytes.length;
    }

    private Object describe(TaskContext caller, Object[] values) {
        String path = Args.of("service_describe", values, 1, 1).string(0);
        byte[] jar = PebbleFiles.read(caller, path);
        PDict d = ResourceDicts.resource(ManifestReader.describe(jar, path, path));
        d.put("files", entries(jar));
        return d;
    }

    private static PList entries(byte[] jar) {
        PList out = new PList();
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            for (var e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
                if (!e.isDirectory()) {
                    out.append(e.getName());
                }
            }
        } catch (IOException e) {
            throw new PebbleException(Errno.INVAL, "not a bundle: " + e.getMessage());
        }
        return out;
    }

    private Object index(TaskContext caller, Object[] values) {
        String dir = PebbleFiles.absolute(caller, Args.of("service_index", values, 1, 1).string(0));
        return (long) repositories.index(caller, dir, System.currentTimeMillis()).size();
    }

    private Object repository(TaskContext caller, Object[] values) {
        PList out = new PList();
        for (String source : sources(caller, Args.of("service_repository", values, 1, 1).list(0))) {
            for (PackageResource r : repositories.read(caller, source)) {
                PDict d = ResourceDicts.resource(r);
                d.put("repository", source);
                out.append(d);
            }
        }
        return out;
    }

    private List<String> sources(TaskContext caller, PList list) {
        List<String> out = new ArrayList<>();
        for (Object o : list) {
            String s = String.valueOf(o);
            out.add(Repositories.IMAGE.equals(s) ? s : PebbleFiles.absolute(caller, s));
        }
        return out;
    }

    private Object resolve(TaskContext caller, Object[] values) {
        Args args = Args.of("service_resolve", values, 2, 2);
        List<PackageResource> available = new ArrayList<>();
        for (String source : sources(caller, args.list(1))) {
            available.addAll(repositories.read(caller, source));
        }
        List<PackageResource> wanted = new ArrayList<>();
        for (Object o : args.list(0)) {
            String target = String.valueOf(o);
            wanted.add(target.endsWith(".jar") ? jar(caller, target) : newest(target, available));
        }
        Resolver r = resolver.get();
        if (r == null) {
            throw new PebbleException(Errno.NOSYS, "service_resolve: the framework offers no resolver service");
        }
        InstallResolver.Plan plan = new InstallResolver(r).plan(List.of(context.getBundles()), wanted, available);
        PList steps = new PList();
        for (InstallResolver.Step s : plan.steps()) {
            Bundle installed = installedBundle(s.resource().name());
            steps.append(PDict.of("name", s.resource().name(), "version", s.resource().version().toString(),
                    "location", s.resource().location(), "needed_by", s.neededBy(),
                    "installed", installed == null ? "" : installed.getVersion().toString()));
        }
        PList missing = new PList();
        for (InstallResolver.Missing m : plan.missing()) {
            PDict d = ResourceDicts.requirement(m.requirement());
            d.put("resource", ResourceDicts.label(m.resource()));
            missing.append(d);
        }
        return PDict.of("steps", steps, "missing", missing, "error", plan.error());
    }

    private PackageResource jar(TaskContext caller, String path) {
        String absolute = PebbleFiles.absolute(caller, path);
        return ManifestReader.describe(PebbleFiles.read(caller, absolute), absolute, absolute);
    }

    /** The newest version of a package among the repositories' resources. */
    private static PackageResource newest(String name, List<PackageResource> available) {
        PackageResource best = null;
        for (PackageResource r : available) {
            if (r.name().equals(name) && (best == null || r.version().compareTo(best.version()) > 0)) {
                best = r;
            }
        }
        if (best == null) {
            throw new PebbleException(Errno.NOENT, "no package named '" + name + "' in the repositories");
        }
        return best;
    }

    private Bundle installedBundle(String name) {
        Bundle found = null;
        for (Bundle b : context.getBundles()) {
            if (name.equals(b.getSymbolicName())
                    && (found == null || b.getVersion().compareTo(found.getVersion()) > 0)) {
                found = b;
            }
        }
        return found;
    }
}
