/**
 * What bundles declare in their manifests, read the way the framework reads
 * it: the OSGi header syntax ({@link pebbleos.api.bundle.HeaderClause}),
 * typed attributes, and the {@code osgi.service} capabilities the kernel's
 * bundles declare ({@link pebbleos.api.bundle.DeclaredServices}), which the
 * framework leaves out of its revisions.
 */
@Export
@Version("1.0.0")
package pebbleos.api.bundle;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
