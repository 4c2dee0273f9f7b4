package pebbleos.kernel.service.repository;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.process.TaskContext;
import pebbleos.kernel.service.PebbleFiles;
import pebbleos.kernel.service.resource.ManifestReader;
import pebbleos.kernel.service.resource.PackageResource;

/**
 * The repositories packages come from: folders of the Pebble filesystem
 * holding bundle jars and their index ({@value #INDEX}), read as the caller
 * (its permissions apply), and the image's own repository ({@value #IMAGE}):
 * a host folder the launcher names with the framework property
 * {@code pebbleos.repository} (./pebbleos passes {@code distro/target/repository},
 * every bundle the project builds and the libraries they use, indexed by the
 * build). A resource's location is a Pebble path, or {@code image:FILE} for
 * one of the image's repository; nothing outside that folder can be named.
 */
public final class Repositories {
    public static final String INDEX = "index.xml";
    public static final String IMAGE = "image";
    private static final String IMAGE_PREFIX = IMAGE + ":";

    private final Path image;

    /** {@code image}: the host folder of the image's repository, or {@code null} when it has none. */
    public Repositories(Path image) {
        this.image = image == null ? null : image.toAbsolutePath().normalize();
    }

    public boolean hasImageRepository() {
        return image != null && Files.isRegularFile(image.resolve(INDEX));
    }

    /** Every resource of these repositories ({@value #IMAGE} or absolute Pebble folder paths), in that order. */
    public List<PackageResource> read(TaskContext caller, List<String> sources) {
        List<PackageResource> out = new ArrayList<>();
        for (String source : sources) {
            out.addAll(read(caller, source));
        }
        return out;
    }

    public List<PackageResource> read(TaskContext caller, String source) {
        if (IMAGE.equals(source)) {
            if (!hasImageRepository()) {
                throw new PebbleException(Errno.NOENT, "this system has no image repository");
            }
            try {
                byte[] index = Files.readAllBytes(image.resolve(INDEX));
                return IndexXml.read(index, "the image repository", url -> IMAGE_PREFIX + relative(url));
            } catch (IOException e) {
                throw new PebbleException(Errno.IO, "the image repository: " + e.getMessage());
            }
        }
        String dir = source.endsWith("/") && source.length() > 1 ? source.substring(0, source.length() - 1) : source;
        String indexPath = dir + "/" + INDEX;
        byte[] index = PebbleFiles.read(caller, indexPath);
        return IndexXml.read(index, indexPath, url -> (dir.equals("/") ? "" : dir) + "/" + relative(url));
    }

    /** A content URL of an index as a path under its folder: no scheme, no absolute path, no way out. */
    private static String relative(String url) {
        String u = url.startsWith("./") ? url.substring(2) : url;
        boolean escapes = u.startsWith("/") || u.contains(":") || u.contains("\\");
        for (String part : u.split("/")) {
            escapes |= part.equals("..");
        }
        if (escapes || u.isEmpty()) {
            throw new PebbleException(Errno.INVAL, "index entry '" + url + "' is not a file of the repository's folder");
        }
        return u;
    }

    /** The bytes at a location: a Pebble path, or {@code image:FILE}. */
    public byte[] content(TaskContext caller, String location) {
        if (!location.startsWith(IMAGE_PREFIX)) {
            return PebbleFiles.read(caller, location);
        }
        if (image == null) {
            throw new PebbleException(Errno.NOENT, "this system has no image repository");
        }
        Path file = image.resolve(relative(location.substring(IMAGE_PREFIX.length()))).normalize();
        if (!file.startsWith(image)) {
            throw new PebbleException(Errno.INVAL, location + ": outside the image repository");
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new PebbleException(Errno.NOENT, location + ": " + e.getMessage());
        }
    }

    /**
     * Write {@value #INDEX} for the bundle jars of a Pebble folder (every
     * {@code *.jar} directly in it); returns the resources indexed. A jar
     * that is not a bundle is an error naming it: an index must not lie.
     */
    public List<PackageResource> index(TaskContext caller, String dir, long increment) {
        List<PackageResource> resources = new ArrayList<>();
        for (String name : PebbleFiles.list(caller, dir)) {
            if (!name.endsWith(".jar")) {
                continue;
            }
            String path = (dir.equals("/") ? "" : dir) + "/" + name;
            try {
                resources.add(ManifestReader.describe(PebbleFiles.read(caller, path), path, name));
            } catch (PebbleException e) {
                throw new PebbleException(e.errno(), name + ": " + e.getMessage());
            }
        }
        String repoName = dir.equals("/") ? "/" : dir.substring(dir.lastIndexOf('/') + 1);
        PebbleFiles.write(caller, (dir.equals("/") ? "" : dir) + "/" + INDEX,
                IndexXml.write(repoName, increment, resources));
        return resources;
    }
}
