package pebbleos.fs.vfs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.h2.mvstore.type.ByteArrayDataType;
import org.h2.mvstore.type.LongDataType;
import org.h2.mvstore.type.StringDataType;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.fs.Ownership;
import pebbleos.api.fs.VolumePaths;

/**
 * One VFS store file, an H2 MVStore with three maps:
 * <ul>
 * <li>{@code nodes}: key {@code parent + '\0' + name} (the root is {@code ""}),
 *     value a {@link Record}; the key form puts the entries of a directory
 *     next to each other, sorted by name, so a listing is one range scan;</li>
 * <li>{@code chunks}: key {@code id << 24 | index}, value up to
 *     {@value #CHUNK} bytes of a file, so a 50 MB file is 800 values and a
 *     write at a random offset rewrites one or two of them;</li>
 * <li>{@code meta}: the format version and the next file id.</li>
 * </ul>
 * Auto-commit is off: the kernel's operation is the transaction. Every
 * operation ends with {@link #commit()}, which writes the new version to the
 * file before the operation returns, so a write that returned survives the
 * process being killed (MVStore recovers the last complete version on open).
 * {@link #sync()} forces the file to the device as well. The read/write lock
 * makes each operation atomic for other threads too.
 */
final class Store {
    private static final Logger LOG = Logger.getLogger(Store.class.getName());
    static final int CHUNK = 64 * 1024;
    private static final int CHUNK_BITS = 24;
    private static final int COMPACT_EVERY = 1024;

    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Path file;
    private final MVStore mv;
    final MVMap<String, byte[]> nodes;
    final MVMap<Long, byte[]> chunks;
    private final MVMap<String, Long> meta;
    /** Which mode made the store and last replaced or claimed it: see {@link #writtenBy()}. */
    private final MVMap<String, String> header;
    private long commits;
    private int users;

    private Store(Path file, MVStore mv) {
        this.file = file;
        this.mv = mv;
        this.nodes = mv.openMap("nodes", new MVMap.Builder<String, byte[]>()
                .keyType(StringDataType.INSTANCE).valueType(ByteArrayDataType.INSTANCE));
        this.chunks = mv.openMap("chunks", new MVMap.Builder<Long, byte[]>()
                .keyType(LongDataType.INSTANCE).valueType(ByteArrayDataType.INSTANCE));
        this.meta = mv.openMap("meta", new MVMap.Builder<String, Long>()
                .keyType(StringDataType.INSTANCE).valueType(LongDataType.INSTANCE));
        this.header = mv.openMap("header", new MVMap.Builder<String, String>()
                .keyType(StringDataType.INSTANCE).valueType(StringDataType.INSTANCE));
        if (nodes.get("") == null) {
            nodes.put("", Record.directory(System.currentTimeMillis(), Ownership.diskUser(0755)).encode());
            meta.put("format", 1L);
            meta.put("next.id", 1L);
            mv.commit();
        }
    }

    /**
     * The mode that wrote this store (its header): {@code vfs-persistent},
     * {@code vfs-import}, {@code mfs} or {@code mfs-import}; {@code null} for
     * a store that holds nothing yet. A store from before headers that holds
     * files counts as {@code vfs-persistent}, the mode whose data matters most.
     */
    String writtenBy() {
        if (!hasChildren("/")) {
            return null; // nothing to lose
        }
        String mode = header.get("mode");
        return mode != null ? mode : "vfs-persistent";
    }

    /** Record that {@code mode} owns the store now (committed with the next commit). */
    void claim(String mode) {
        if (!mode.equals(header.get("mode"))) {
            header.put("mode", mode);
        }
        header.put("written", String.valueOf(System.currentTimeMillis()));
    }

    /** A store on {@code mv}, already open (handed over by this bundle's previous revision). */
    static Store adopt(Path file, MVStore mv) {
        return new Store(file, mv);
    }

    /** The MVStore under this store, to hand to a successor. */
    MVStore mvStore() {
        return mv;
    }

    /** Open (creating if missing) the store at {@code file}. */
    static Store open(Path file) {
        refuseForeign(file);
        try {
            MVStore mv = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
            return new Store(file, mv);
        } catch (MVStoreException | IllegalStateException e) {
            throw new PebbleException(Errno.IO, "the VFS store cannot be opened: " + file.getFileName()
                    + " (" + e.getMessage() + ")");
        }
    }

    /**
     * An MVStore file begins with its header block, {@code H:2,...}. The
     * original PebbleOS kept its virtual disk under the same name as text
     * (a line per file: name, time, escaped content), and its disk folder
     * ships one: MVStore would refuse it with a message about file channels.
     * Such a file (or any other that is not a store) is left as it is and
     * named for what it is.
     */
    private static void refuseForeign(Path file) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(2);
        } catch (NoSuchFileException e) {
            return; // created on open
        } catch (IOException e) {
            return; // MVStore reports it
        }
        if (head.length == 0 || (head.length == 2 && head[0] == 'H' && head[1] == ':')) {
            return;
        }
        throw new PebbleException(Errno.INVAL, "the VFS store " + file.getFileName()
                + " is not one of this system's (the original PebbleOS kept its virtual disk there as text);"
                + " it is left as it is: move it away to boot this folder with --fs-mode vfs-import"
                + " or vfs-persistent");
    }

    Path file() {
        return file;
    }

    synchronized void retain() {
        users++;
    }

    /** Drop a user; true when it was the last. */
    synchronized boolean release() {
        return --users <= 0;
    }

    static String key(String path) {
        if (VolumePaths.isRoot(path)) {
            return "";
        }
        return VolumePaths.parent(path) + '\0' + VolumePaths.name(path);
    }

    static long chunkKey(long id, long index) {
        return (id << CHUNK_BITS) | index;
    }

    Record get(String path) {
        byte[] b = nodes.get(key(path));
        return b == null ? null : Record.decode(b);
    }

    void put(String path, Record r) {
        nodes.put(key(path), r.encode());
    }

    long nextId() {
        long id = meta.get("next.id");
        meta.put("next.id", id + 1);
        return id;
    }

    /** The names in directory {@code path} with their records, sorted by name. */
    List<Map.Entry<String, Record>> children(String path) {
        String prefix = path + '\0';
        List<Map.Entry<String, Record>> out = new ArrayList<>();
        Cursor<String, byte[]> c = nodes.cursor(prefix);
        while (c.hasNext()) {
            String k = c.next();
            if (!k.startsWith(prefix)) {
                break;
            }
            out.add(Map.entry(k.substring(prefix.length()), Record.decode(c.getValue())));
        }
        return out;
    }

    boolean hasChildren(String path) {
        String prefix = path + '\0';
        String next = nodes.ceilingKey(prefix);
        return next != null && next.startsWith(prefix);
    }

    long childCount(String path) {
        String prefix = path + '\0';
        long n = 0;
        Cursor<String, byte[]> c = nodes.cursor(prefix);
        while (c.hasNext() && c.next().startsWith(prefix)) {
            n++;
        }
        return n;
    }

    /** Every key under directory {@code path}, at any depth. */
    List<String> descendantKeys(String path) {
        List<String> out = new ArrayList<>();
        for (String prefix : new String[] {path + '\0', path + '/'}) {
            Cursor<String, byte[]> c = nodes.cursor(prefix);
            while (c.hasNext()) {
                String k = c.next();
                if (!k.startsWith(prefix)) {
                    break;
                }
                out.add(k);
            }
        }
        return out;
    }

    /** Make the operation's changes durable against a process crash (written to the file). */
    void commit() {
        try {
            mv.commit();
            if (++commits % COMPACT_EVERY == 0 && mv.getFillRate() < 50) {
                mv.compact(80, 16 * 1024 * 1024);
                mv.commit();
            }
        } catch (MVStoreException e) {
            throw new PebbleException(Errno.IO, "the VFS store cannot be written: " + e.getMessage());
        }
    }

    /** Force the file to the device. */
    void sync() {
        mv.commit();
        mv.sync();
    }

    /**
     * Commit and close, without the chunk-moving compaction MVStore can do on
     * close (2.4.240 trips an internal assertion there on a store recovered
     * from a crash; space is reused anyway). Everything was committed by the
     * operations, so a failure here loses nothing and is only logged.
     */
    void close() {
        if (mv.isClosed()) {
            return;
        }
        try {
            mv.commit();
            mv.close(0);
        } catch (RuntimeException | AssertionError e) {
            LOG.log(Level.WARNING, "closing the VFS store " + file + " failed; its committed state is kept", e);
            mv.closeImmediately();
        }
    }
}
