package pebbleos.fs.vfs;

import java.util.Arrays;

/**
 * File contents as {@value Store#CHUNK}-byte chunks of a {@link Store}: reads
 * and writes at any offset touch only the chunks they cover. A chunk that is
 * missing, or shorter than the file needs, reads as zeros (holes).
 */
final class Chunks {
    private Chunks() {
    }

    static int read(Store s, Record r, long position, byte[] buffer, int offset, int len) {
        if (position >= r.size()) {
            return -1;
        }
        int n = (int) Math.min(len, r.size() - position);
        int done = 0;
        while (done < n) {
            long at = position + done;
            long index = at / Store.CHUNK;
            int within = (int) (at % Store.CHUNK);
            int part = Math.min(n - done, Store.CHUNK - within);
            byte[] chunk = s.chunks.get(Store.chunkKey(r.id(), index));
            int available = chunk == null ? 0 : Math.max(0, Math.min(part, chunk.length - within));
            if (available > 0) {
                System.arraycopy(chunk, within, buffer, offset + done, available);
            }
            if (available < part) {
                Arrays.fill(buffer, offset + done + available, offset + done + part, (byte) 0);
            }
            done += part;
        }
        return n;
    }

    static byte[] readAll(Store s, Record r) {
        byte[] out = new byte[(int) r.size()];
        read(s, r, 0, out, 0, out.length);
        return out;
    }

    /** Write bytes at {@code position}; returns the new file size. */
    static long write(Store s, Record r, long position, byte[] buffer, int offset, int len) {
        int done = 0;
        while (done < len) {
            long at = position + done;
            long index = at / Store.CHUNK;
            int within = (int) (at % Store.CHUNK);
            int part = Math.min(len - done, Store.CHUNK - within);
            long key = Store.chunkKey(r.id(), index);
            byte[] chunk;
            if (within == 0 && part == Store.CHUNK) {
                chunk = Arrays.copyOfRange(buffer, offset + done, offset + done + part);
            } else {
                byte[] old = s.chunks.get(key);
                int oldLength = old == null ? 0 : old.length;
                // bytes of the chunk that belong to the file must be kept
                long fileInChunk = Math.max(0, Math.min(Store.CHUNK, r.size() - index * Store.CHUNK));
                int keep = (int) Math.min(oldLength, fileInChunk);
                chunk = new byte[Math.max(keep, within + part)];
                if (keep > 0) {
                    System.arraycopy(old, 0, chunk, 0, keep);
                }
                System.arraycopy(buffer, offset + done, chunk, within, part);
            }
            s.chunks.put(key, chunk);
            done += part;
        }
        return Math.max(r.size(), position + len);
    }

    /** Drop the chunks past {@code size} and trim the last one. */
    static void truncate(Store s, Record r, long size) {
        long keepChunks = (size + Store.CHUNK - 1) / Store.CHUNK;
        long haveChunks = (r.size() + Store.CHUNK - 1) / Store.CHUNK;
        for (long i = keepChunks; i < haveChunks; i++) {
            s.chunks.remove(Store.chunkKey(r.id(), i));
        }
        int tail = (int) (size % Store.CHUNK);
        if (tail != 0 && size < r.size()) {
            long key = Store.chunkKey(r.id(), keepChunks - 1);
            byte[] last = s.chunks.get(key);
            if (last != null && last.length > tail) {
                s.chunks.put(key, Arrays.copyOf(last, tail));
            }
        }
    }

    static void delete(Store s, Record r) {
        truncate(s, r, 0);
    }
}
