/**
 * Execution engines: what turns Pebble source (or bytecode) into a running
 * task. The interpreter registers with {@code pebble.engine=interp}, the
 * bytecode VM with {@code pebble.engine=vm}.
 */
@Export
@Version("1.0.0")
package pebbleos.api.engine;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
