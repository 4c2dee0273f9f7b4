package pebbleos.fs.hostfs;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.h2.mvstore.type.ByteArrayDataType;
import org.h2.mvstore.type.StringDataType;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.fs.MountRequest;
import pebbleos.api.fs.Ownership;

/**
 * The owner, group and mode of hostfs's nodes, in an H2 MVStore file beside
 * the disk ({@link MountRequest#OWNERS_STORE} in the host root): the host's
 * own owners and permission bits are not ours to rely on (the JVM runs as one
 * host user, and some hosts have no such bits at all).
 *
 * <p>One map, {@code owners}: key the volume path ({@code /a/b}), value the
 * uid, gid and mode (12 bytes). A path without a record is the disk user's,
 * with the host's permission bits: an unrecorded host file, or a node whose
 * owner and mode the host's bits carry by themselves (see
 * {@link HostVolume}), which is what most nodes a session makes are, so most
 * operations never write here. The map is sorted, so a directory's subtree
 * is one range of keys ({@code /a/b} then {@code /a/b/...}) and a rename
 * moves it in one pass.
 *
 * <p>Every change is committed before the call returns (auto-commit is off),
 * so a change that returned survives the process being killed; MVStore
 * recovers the last complete version when it opens. The callers order their
 * host operations around these calls so that a crash between the two leaves
 * at worst a stale record of a path that no longer exists (see
 * {@link HostVolume}), never a node without the owner it was made with.
 *
 * <p>An MVStore file can be open once: a second PebbleOS booting hostfs on
 * the same disk folder while the first runs fails to mount, with a message
 * saying so.
 */
final class OwnerStore {
    private static final Logger LOG = Logger.getLogger(OwnerStore.class.getName());
    private static final int COMPACT_EVERY = 1024;

    private final Path file;
    private final MVStore mv;
    private final MVMap<String, byte[]> owners;
    private long commits;

    private OwnerStore(Path file, MVStore mv) {
        this.file = file;
        this.mv = mv;
        this.owners = mv.openMap("owners", new MVMap.Builder<String, byte[]>()
                .keyType(StringDataType.INSTANCE).valueType(ByteArrayDataType.INSTANCE));
    }

    /** Open (creating if missing) the owners store of host root {@code root}. */
    static OwnerStore open(Path root) {
        Path file = root.resolve(MountRequest.OWNERS_STORE);
        try {
            return new OwnerStore(file, new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open());
        } catch (MVStoreException | IllegalStateException e) {
            String reason = String.valueOf(e.getMessage());
            if (reason.contains("locked")) {
                throw new PebbleException(Errno.BUSY, "the disk is in use by another PebbleOS session"
                        + " (its owners store " + MountRequest.OWNERS_STORE + " is locked)");
            }
            throw new PebbleException(Errno.IO, "the owners store cannot be opened: " + MountRequest.OWNERS_STORE
                    + " (" + reason + ")");
        }
    }

    /** The store of host root {@code root} on {@code mv}, handed over still open by this bundle's previous revision. */
    static OwnerStore adopt(Path root, MVStore mv) {
        return new OwnerStore(root.resolve(MountRequest.OWNERS_STORE), mv);
    }

    /** The open MVStore, for a hot-swap successor. */
    MVStore mvStore() {
        return mv;
    }

    /** The recorded owner of {@code path}, or {@code null} when none was recorded. */
    Ownership get(String path) {
        byte[] b = owners.get(path);
        return b == null ? null : decode(b);
    }

    /**
     * Record {@code owner} for {@code path}. With {@code fresh} the node is
     * about to be made: records left under that path by a node that is gone
     * are dropped.
     */
    synchronized void record(String path, Ownership owner, boolean fresh) {
        if (fresh) {
            removeBelow(path);
        }
        owners.put(path, encode(owner));
        commit();
    }

    /**
     * Forget the record of {@code path} (with {@code below}, of everything
     * under it too: it was removed, or is about to be made anew). Commits
     * only when there was something to forget.
     */
    synchronized void forget(String path, boolean below) {
        boolean changed = owners.remove(path) != null;
        if (below) {
            changed |= removeBelow(path);
        }
        if (changed) {
            commit();
        }
    }

    /** The records of {@code path} and everything under it, by path. */
    synchronized Map<String, byte[]> subtree(String path) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        byte[] own = owners.get(path);
        if (own != null) {
            out.put(path, own);
        }
        for (String key : keysBelow(path)) {
            out.put(key, owners.get(key));
        }
        return out;
    }

    /**
     * Give the records of {@code from}'s subtree to {@code to}'s, before the
     * host renames: what was recorded under {@code to} (a node being
     * replaced) is dropped. Returns what {@code to} had, for {@link #restore}.
     */
    synchronized Map<String, byte[]> copy(String from, String to) {
        Map<String, byte[]> moving = subtree(from);
        Map<String, byte[]> replaced = subtree(to);
        if (moving.isEmpty() && replaced.isEmpty()) {
            return replaced;
        }
        for (String key : replaced.keySet()) {
            owners.remove(key);
        }
        for (Map.Entry<String, byte[]> e : moving.entrySet()) {
            owners.put(to + e.getKey().substring(from.length()), e.getValue());
        }
        commit();
        return replaced;
    }

    /** Undo a {@link #copy} whose host rename failed: {@code to}'s subtree gets back what it had. */
    synchronized void restore(String to, Map<String, byte[]> replaced) {
        boolean changed = owners.remove(to) != null;
        changed |= removeBelow(to);
        owners.putAll(replaced);
        if (changed || !replaced.isEmpty()) {
            commit();
        }
    }

    /** Make what was written durable on the device. */
    synchronized void sync() {
        commit();
        mv.sync();
    }

    /**
     * Commit and close, without MVStore's chunk-moving compaction on close
     * (as the VFS store does); a failure loses nothing committed and is only
     * logged.
     */
    synchronized void close() {
        if (mv.isClosed()) {
            return;
        }
        try {
            mv.commit();
            mv.close(0);
        } catch (RuntimeException | AssertionError e) {
            LOG.log(Level.WARNING, "closing the owners store " + file + " failed; its committed state is kept", e);
            mv.closeImmediately();
        }
    }

    private boolean removeBelow(String path) {
        List<String> keys = keysBelow(path);
        for (String key : keys) {
            owners.remove(key);
        }
        return !keys.isEmpty();
    }

    private List<String> keysBelow(String path) {
        String prefix = path.endsWith("/") ? path : path + "/";
        List<String> out = new ArrayList<>();
        Cursor<String, byte[]> c = owners.cursor(prefix);
        while (c.hasNext()) {
            String key = c.next();
            if (!key.startsWith(prefix)) {
                break;
            }
            out.add(key);
        }
        return out;
    }

    private void commit() {
        try {
            mv.commit();
            if (++commits % COMPACT_EVERY == 0 && mv.getFillRate() < 50) {
                mv.compact(80, 4 * 1024 * 1024);
                mv.commit();
            }
        } catch (MVStoreException e) {
            throw new PebbleException(Errno.IO, "the owners store cannot be written: " + e.getMessage());
        }
    }

    private static byte[] encode(Ownership o) {
        return ByteBuffer.allocate(12).putInt(o.uid()).putInt(o.gid()).putInt(o.mode()).array();
    }

    private static Ownership decode(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        return new Ownership(b.getInt(), b.getInt(), b.getInt());
    }
}
