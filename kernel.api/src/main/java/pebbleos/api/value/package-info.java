/**
 * The Pebble value model that crosses bundles: syscall arguments and results,
 * and the values both engines compute with.
 *
 * <p>Representation: integers are {@link java.lang.Long} (the fast path) or
 * {@link java.math.BigInteger} (only outside the long range), floats
 * {@link java.lang.Double}, strings {@link java.lang.String}, booleans
 * {@link java.lang.Boolean}, None {@link pebbleos.api.value.PNone#NONE}, lists
 * {@link pebbleos.api.value.PList} and dicts {@link pebbleos.api.value.PDict}
 * (copy-on-write, for Pebble's value semantics). Engine-specific values
 * (functions, classes, instances, modules) implement
 * {@link pebbleos.api.value.Printable}.
 */
@Export
@Version("1.0.0")
package pebbleos.api.value;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
