/**
 * The console device: the terminal (or the plain streams when there is none)
 * behind {@code /dev/tty} and the standard descriptors of the first process.
 */
@Export
@Version("1.1.0")
package pebbleos.api.console;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
