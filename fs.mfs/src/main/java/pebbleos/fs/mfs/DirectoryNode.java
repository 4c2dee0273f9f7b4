package pebbleos.fs.mfs;

import java.util.TreeMap;

/** A directory: its entries by name, sorted, as listings show them. */
final class DirectoryNode extends Node {
    final TreeMap<String, Node> children = new TreeMap<>();

    DirectoryNode(long mtime, long ctime) {
        super(mtime, ctime);
    }
}
