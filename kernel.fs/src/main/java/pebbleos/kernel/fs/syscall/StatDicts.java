package pebbleos.kernel.fs.syscall;

import java.util.Map;

import pebbleos.api.fs.FileStat;
import pebbleos.api.value.PDict;

/** The Pebble form of file facts: the dicts {@code fs_stat}, {@code fs_list_stat} and {@code fd_stat} return. */
final class StatDicts {
    private StatDicts() {
    }

    /** {@code {name, path, kind, size, mtime, ctime, uid, gid, mode}}, times as float seconds, mode an int. */
    static PDict stat(FileStat s, String path) {
        PDict d = PDict.of("name", s.name(), "path", path, "kind", s.kind(), "size", s.size(),
                "mtime", s.mtime() / 1000.0, "ctime", s.ctime() / 1000.0);
        d.put("uid", (long) s.uid());
        d.put("gid", (long) s.gid());
        d.put("mode", (long) s.mode());
        return d;
    }

    /** A Java map of Pebble-compatible values as a dict, in its order. */
    static PDict dict(Map<String, Object> map) {
        PDict d = new PDict();
        for (Map.Entry<String, Object> e : map.entrySet()) {
            Object v = e.getValue();
            if (v instanceof Integer i) {
                v = (long) i;
            } else if (v instanceof Boolean b) {
                v = b ? 1L : 0L;
            }
            d.put(e.getKey(), v);
        }
        return d;
    }
}
