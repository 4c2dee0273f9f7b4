/**
 * The nodes of an in-memory file tree. They live in the API bundle, not in the
 * backend that uses them, so that a tree can pass from one revision of the
 * backend bundle to the next as the same objects: a hot swap hands over the
 * root in O(1) instead of copying every entry (classes of the backend's own
 * bundle would be foreign to its successor's class loader). The nodes are
 * plain data, not thread-safe; the volume that owns a tree guards it.
 */
@Export
@Version("1.1.0")
package pebbleos.api.fs.memory;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
