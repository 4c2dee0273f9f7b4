/**
 * Live rebinding: the building block with which the kernel routes calls to
 * the best provider of a service and rides out the window in which one
 * provider leaves and its replacement arrives.
 */
@Export
@Version("1.0.0")
package pebbleos.api.swap;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
