package pebbleos.kernel.fs.syscall;

import java.util.Map;

import pebbleos.api.fs.FileStat;
import pebbleos.api.value.PDict;

/** The Pebble form of file facts: the dicts {@code fs_stat}, {@code fs_list_stat} and {@code fd_stat} return. */
final class StatDicts {
    private StatDicts() {
    }

    /** {@code {name, path, kind, size, mtime, ctime}}, times as float seconds. */
    static PDict stat(FileStat s, String path) {
        return PDict.of("name", s.name(), "path", path, "kind", s.kind(), "size", s.size(),
                "mtime", s.mtime() / 1000.0, "ctime", s.ctime() / 1000.0);
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
