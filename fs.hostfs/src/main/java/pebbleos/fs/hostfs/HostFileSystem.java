package pebbleos.fs.hostfs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.h2.mvstore.MVStore;
import org.osgi.service.component.annotations.Component;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.fs.FileSystem;
import pebbleos.api.fs.MountRequest;
import pebbleos.api.fs.ProvidesFileSystem;
import pebbleos.api.fs.Volume;

/**
 * The {@code hostfs} backend: a host directory ({@code --root}, created if
 * missing) is the root of the Pebble tree. It is the fastest mode, and the
 * one where containment matters most: see {@link HostTree}. Owners and
 * modes are kept in an {@link OwnerStore} beside the files; a hot-swap
 * successor adopts the store its predecessor handed over, still open.
 */
@ProvidesFileSystem("hostfs")
@Component(service = FileSystem.class, immediate = true, property = FileSystem.MODE + "=hostfs")
public final class HostFileSystem implements FileSystem {
    @Override
    public List<String> modes() {
        return List.of("hostfs");
    }

    @Override
    public Volume mount(MountRequest request) {
        Path root = request.hostRoot().toAbsolutePath().normalize();
        HostTree tree;
        try {
            Files.createDirectories(root);
            tree = new HostTree(root);
        } catch (IOException e) {
            throw new PebbleException(Errno.IO, "cannot use the host directory as the root: " + e.getMessage());
        }
        MVStore handed = request.handoff() == null ? null : request.handoff().openStore(MVStore.class);
        OwnerStore owners;
        try {
            owners = handed != null ? OwnerStore.adopt(root, handed) : OwnerStore.open(root);
        } catch (RuntimeException e) {
            try {
                tree.close();
            } catch (IOException ignored) {
                // the store's failure is what the caller needs to hear
            }
            throw e;
        }
        return new HostVolume(tree, owners);
    }
}
