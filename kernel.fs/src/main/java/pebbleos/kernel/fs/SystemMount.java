package pebbleos.kernel.fs;

import java.util.function.Function;

import pebbleos.api.fs.Volume;
import pebbleos.kernel.fs.system.SystemTree;
import pebbleos.kernel.fs.system.SystemVolume;

/**
 * {@code /system}: the bundle tree's volume. It lives as long as the kernel
 * itself, so it never changes generation; contributions come and go inside it.
 */
final class SystemMount implements Mount {
    private final SystemTree tree;
    private final SystemVolume volume;

    SystemMount(SystemTree tree) {
        this.tree = tree;
        this.volume = new SystemVolume(tree);
    }

    SystemVolume volume() {
        return volume;
    }

    @Override
    public String point() {
        return "/system";
    }

    @Override
    public String mode() {
        return "system";
    }

    @Override
    public String provider() {
        return String.join(", ", tree.bundles());
    }

    @Override
    public boolean readOnly() {
        return !volume.writable();
    }

    @Override
    public long generation() {
        return 0;
    }

    @Override
    public <T> T call(Function<Volume, T> operation) {
        return operation.apply(volume);
    }
}
