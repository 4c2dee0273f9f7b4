/**
 * Sockets as open file descriptions: connected TCP streams, listening TCP
 * sockets and UDP sockets, each a {@link pebbleos.api.process.Channel} that a
 * process's {@link pebbleos.api.process.FdTable} holds like a pipe or a file.
 *
 * <p>They live in the API bundle, not in {@code kernel.net} which opens them,
 * for the reason the in-memory file nodes do: an established connection
 * belongs to the descriptor table, and must outlive a hot swap of the bundle
 * that made it (the classes of a refreshed bundle revision cannot load
 * anything new). Every wait is on a non-blocking JDK channel through a
 * {@link java.nio.channels.Selector}, so a signal (a thread interrupt) wakes it
 * without closing the socket, and a leaving provider wakes its waits through
 * {@link pebbleos.api.net.Wakeups}.
 */
@Export
@Version("1.0.0")
package pebbleos.api.net;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
