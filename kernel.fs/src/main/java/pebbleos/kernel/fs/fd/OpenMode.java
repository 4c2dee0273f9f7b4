package pebbleos.kernel.fs.fd;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.fs.Volume;
import pebbleos.api.process.OpenFile;

/**
 * The mode string of {@code fd_open}, as in C's {@code fopen}: {@code r},
 * {@code w}, {@code a}, {@code r+}, {@code w+}, {@code a+}.
 *
 * @param text        the string as given
 * @param volumeFlags the {@link Volume} open flags for a regular file
 * @param fileMode    the {@link OpenFile} bits of the descriptor
 */
public record OpenMode(String text, int volumeFlags, int fileMode) {
    public static OpenMode parse(String text) {
        return switch (text) {
            case "r" -> new OpenMode(text, Volume.READ, OpenFile.READ);
            case "w" -> new OpenMode(text, Volume.WRITE | Volume.CREATE | Volume.TRUNCATE, OpenFile.WRITE);
            case "a" -> new OpenMode(text, Volume.WRITE | Volume.CREATE, OpenFile.WRITE | OpenFile.APPEND);
            case "r+" -> new OpenMode(text, Volume.READ | Volume.WRITE, OpenFile.READ | OpenFile.WRITE);
            case "w+" -> new OpenMode(text, Volume.READ | Volume.WRITE | Volume.CREATE | Volume.TRUNCATE,
                    OpenFile.READ | OpenFile.WRITE);
            case "a+" -> new OpenMode(text, Volume.READ | Volume.WRITE | Volume.CREATE,
                    OpenFile.READ | OpenFile.WRITE | OpenFile.APPEND);
            default -> throw new PebbleException(Errno.INVAL, "unsupported fd mode '" + text + "'");
        };
    }

    public boolean append() {
        return (fileMode & OpenFile.APPEND) != 0;
    }

    public boolean writes() {
        return (fileMode & OpenFile.WRITE) != 0;
    }

    public boolean reads() {
        return (fileMode & OpenFile.READ) != 0;
    }

    /** True when opening creates a missing file ({@code w}, {@code a} and their {@code +} forms). */
    public boolean creates() {
        return (volumeFlags & Volume.CREATE) != 0;
    }

    /** The mode string of an open file's bits, for {@code fd_stat}. */
    public static String describe(int fileMode) {
        boolean read = (fileMode & OpenFile.READ) != 0;
        boolean write = (fileMode & OpenFile.WRITE) != 0;
        boolean append = (fileMode & OpenFile.APPEND) != 0;
        if (append) {
            return read ? "a+" : "a";
        }
        if (read && write) {
            return "r+";
        }
        return write ? "w" : "r";
    }
}
