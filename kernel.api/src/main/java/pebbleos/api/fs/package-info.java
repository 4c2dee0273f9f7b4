/**
 * Filesystem backends. A backend bundle registers a
 * {@link pebbleos.api.fs.FileSystem} service for the storage modes it serves;
 * the kernel's mount table asks it to {@link pebbleos.api.fs.FileSystem#mount
 * mount} a {@link pebbleos.api.fs.Volume} for the mode chosen at boot.
 * Paths given to a volume are absolute within it, normalized, and never
 * contain {@code .} or {@code ..}.
 */
@Export
@Version("2.2.0")
package pebbleos.api.fs;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
