/**
 * The PebbleOS SPI root: the errno table and the Pebble-visible error that
 * every syscall and service raises. Subpackages hold the service contracts.
 */
@Export
@Version("1.1.0")
package pebbleos.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
