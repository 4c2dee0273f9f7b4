/** Part of the Pebble language core; see {@link pebbleos.lang.core}. */
@Export
@Version("1.0.0")
package pebbleos.lang.core.builtins;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
