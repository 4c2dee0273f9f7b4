package pebbleos.kernel.fs;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.fs.FileSystem;
import pebbleos.api.fs.Mounts;
import pebbleos.api.fs.Ownership;
import pebbleos.api.fs.Volume;
import pebbleos.api.fs.VolumePaths;
import pebbleos.kernel.fs.dev.DevDirectory;
import pebbleos.kernel.fs.system.SystemTree;

/**
 * The kernel's mount table: {@code /} on the backend of the boot mode,
 * {@code /system} on the bundle tree, {@code /dev} on the device nodes. It
 * holds a dynamic reference to every {@link FileSystem} service and routes
 * the root's hot swap: when the backend of the mounted mode leaves, the
 * root's volume is detached and its tree kept until a successor for the same
 * mode arrives and mounts it (see {@link RootMount}). Immediate, so that one
 * long-lived instance sees every rebinding. Registered under its own class
 * too, for the {@code fs} family of this bundle.
 */
@Component(service = {Mounts.class, MountTable.class}, immediate = true, configurationPid = "pebbleos.fs",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = MountTableConfig.class)
public final class MountTable implements Mounts {
    private final Backends backends = new Backends();
    private final RootMount root = new RootMount();
    private final SystemMount system;
    private final Namespace namespace;
    private final Access access;

    @Activate
    public MountTable(@Reference SystemTree tree, @Reference DevDirectory dev, MountTableConfig config) {
        this.system = new SystemMount(tree);
        this.namespace = new Namespace(root, system, dev);
        this.access = new Access(namespace);
        configure(config);
    }

    @Modified
    void configure(MountTableConfig config) {
        root.setWindowMillis(config.swap_window_ms());
    }

    @Deactivate
    void deactivate() {
        root.close();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindFileSystem(FileSystem backend, ServiceReference<FileSystem> reference) {
        Map<String, Object> properties = new HashMap<>();
        for (String key : reference.getPropertyKeys()) {
            properties.put(key, reference.getProperty(key));
        }
        String name = reference.getBundle() == null ? backend.getClass().getName()
                : reference.getBundle().getSymbolicName();
        backends.add(backend, properties, name);
        if (Backends.modes(properties.get(FileSystem.MODE)).contains(root.mode())) {
            root.mountSuccessor(backend, name);
        }
    }

    void unbindFileSystem(FileSystem backend) {
        backends.remove(backend);
        root.providerLeaving(backend);
        Backends.Backend next = backends.best(root.mode());
        if (next != null) {
            root.mountSuccessor(next.service(), next.bundle());
        }
    }

    /** The namespace the {@code fs} family works on. */
    public Namespace namespace() {
        return namespace;
    }

    /** The namespace behind the permission checks: how the {@code fs} family reaches it. */
    public Access access() {
        return access;
    }

    @Override
    public void mountRoot(String mode, Path hostRoot, boolean systemWritable, long timeoutMillis) {
        Backends.Backend backend;
        try {
            backend = backends.await(mode, timeoutMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PebbleException(Errno.INTR, "interrupted while waiting for the backend of mode '" + mode + "'");
        }
        if (backend == null) {
            throw new PebbleException(Errno.NOSYS, "no filesystem backend for mode '" + mode + "' in this image"
                    + (backends.modes().isEmpty() ? "" : " (modes available: " + String.join(", ", backends.modes()) + ")"));
        }
        system.volume().reset(systemWritable);
        root.mount(backend.service(), backend.bundle(), mode, hostRoot.toAbsolutePath().normalize());
    }

    @Override
    public boolean rootMounted() {
        return root.mounted();
    }

    @Override
    public String rootMode() {
        return root.mode();
    }

    @Override
    public List<Map<String, Object>> mounts() {
        List<Map<String, Object>> out = new ArrayList<>();
        if (root.mounted()) {
            Map<String, Object> row = row("/", root);
            row.put("host_root", String.valueOf(root.hostRoot()));
            row.put("swaps", root.swaps());
            row.put("swap_waits", root.waits());
            row.put("longest_wait_ms", root.longestWaitMillis());
            out.add(row);
        }
        out.add(row("/dev", null));
        out.add(row("/system", system));
        return out;
    }

    /**
     * What each mount holds ({@code files}, {@code directories}, {@code bytes})
     * and the room of the host file store behind it ({@code size} and
     * {@code avail} in bytes, -1 when no host folder backs it): {@code df}.
     * {@code /system} lives in memory from the bundles: its size is what it holds.
     */
    public List<Map<String, Object>> space() {
        List<Map<String, Object>> out = new ArrayList<>();
        if (root.mounted()) {
            Map<String, Object> row = row("/", root);
            counts(row, root.call(Volume::usage));
            long[] room = room(root.hostRoot());
            row.put("size", room[0]);
            row.put("avail", room[1]);
            out.add(row);
        }
        Map<String, Object> dev = row("/dev", null);
        counts(dev, new Volume.Usage(0, 1, 0));
        dev.put("size", 0L);
        dev.put("avail", 0L);
        out.add(dev);
        Map<String, Object> sys = row("/system", system);
        Volume.Usage u = system.call(Volume::usage);
        counts(sys, u);
        sys.put("size", u.bytes());
        sys.put("avail", 0L);
        out.add(sys);
        return out;
    }

    private static void counts(Map<String, Object> row, Volume.Usage u) {
        row.put("files", u.files());
        row.put("directories", u.directories());
        row.put("bytes", u.bytes());
    }

    /** {total, usable} bytes of the host file store holding {@code folder}, or {-1, -1}. */
    private static long[] room(Path folder) {
        if (folder == null) {
            return new long[] {-1, -1};
        }
        try {
            Path at = folder;
            while (at != null && !Files.exists(at)) {
                at = at.getParent();
            }
            if (at == null) {
                return new long[] {-1, -1};
            }
            FileStore store = Files.getFileStore(at);
            return new long[] {store.getTotalSpace(), store.getUsableSpace()};
        } catch (IOException | SecurityException e) {
            return new long[] {-1, -1};
        }
    }

    @Override
    public void appendKernelFile(String path, String text) {
        if (!root.mounted()) {
            throw new PebbleException(Errno.NOENT, path + ": the root filesystem is not mounted yet");
        }
        // the kernel's own files (the log) are root's, whoever caused the line
        namespace.mkdirs(VolumePaths.parent(path), p -> Ownership.ROOT_DIRECTORY);
        namespace.write(null, path, text.getBytes(java.nio.charset.StandardCharsets.UTF_8), true, Ownership.ROOT_FILE);
    }

    /** Sync the root volume; true when something had been written since the last sync. */
    public boolean sync() {
        return root.sync();
    }

    /** The longest time an operation on {@code /} waited for a successor backend, in milliseconds. */
    public double longestSwapWaitMillis() {
        return root.longestWaitMillis();
    }

    private static Map<String, Object> row(String point, Mount mount) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("path", point);
        row.put("mode", mount == null ? "dev" : mount.mode());
        row.put("provider", mount == null ? "kernel.fs" : mount.provider());
        row.put("readonly", mount != null && mount.readOnly() ? 1L : 0L);
        return row;
    }
}
