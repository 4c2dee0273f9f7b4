package pebbleos.api.fs;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.annotation.bundle.Attribute;
import org.osgi.annotation.bundle.Capability;

/**
 * Declares in the bundle's manifest the storage modes it serves: an
 * {@code osgi.service} capability for {@link FileSystem} with the attribute
 * {@value FileSystem#MODE}. The bootloader reads it to tell at once that an
 * image has no backend for the mode asked for, and resolvers match a
 * package's need for a mode against it.
 */
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=pebbleos.api.fs.FileSystem")
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.PACKAGE})
public @interface ProvidesFileSystem {
    /** The modes ({@code hostfs}, {@code mfs}, ...). */
    @Attribute(FileSystem.MODE)
    String[] value();
}
