package pebbleos.fs.mfs;

/** A file or directory of the in-memory tree, with its times (milliseconds since the epoch). */
abstract class Node {
    long mtime;
    final long ctime;

    Node(long mtime, long ctime) {
        this.mtime = mtime;
        this.ctime = ctime;
    }
}
