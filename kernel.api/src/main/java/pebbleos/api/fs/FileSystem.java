package pebbleos.api.fs;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A storage backend bundle's service: it mounts volumes for the modes listed
 * in its {@value #MODE} service property ({@code hostfs}, {@code mfs},
 * {@code mfs-import}, {@code vfs-import}, {@code vfs-persistent}).
 */
@ConsumerType
public interface FileSystem {
    /** Service property: the modes this backend serves (a String or String[]). */
    String MODE = "pebble.fs.mode";

    /** The modes served, as in the {@value #MODE} property. */
    List<String> modes();

    /** Mount a volume for {@code request.mode()}. */
    Volume mount(MountRequest request);
}
