/**
 * Syscall families and the live syscall table. A bundle offers syscalls by
 * registering a {@link pebbleos.api.syscall.SyscallFamily} service; the kernel's
 * {@link pebbleos.api.syscall.SyscallTable} routes each Pebble call to the
 * highest-ranked provider of the syscall's family.
 */
@Export
@Version("1.2.0")
package pebbleos.api.syscall;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
