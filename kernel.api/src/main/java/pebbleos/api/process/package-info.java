/**
 * What a running Pebble program sees of the kernel: its task context (identity,
 * syscalls, safe points), its process, signals, and the file descriptor table
 * with the channels behind it.
 */
@Export
@Version("1.3.0")
package pebbleos.api.process;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
