package pebbleos.api.fs.memory;

import java.util.TreeMap;

/** A directory: its entries by name, sorted, as listings show them. */
public final class DirectoryNode extends Node {
    public final TreeMap<String, Node> children = new TreeMap<>();

    public DirectoryNode(long mtime, long ctime) {
        super(mtime, ctime, 0755);
    }
}
