package pebbleos.api.fs;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;

/**
 * The failures every backend raises, in one format: the errno's text, then
 * the path inside the volume ({@code no such file or directory: /a/b}). The
 * kernel rewrites the path into the one the user gave and puts the syscall
 * name in front ({@code fs_read: no such file or directory: /a/b}), so the
 * format matters: keep the path last.
 */
public final class FsErrors {
    private FsErrors() {
    }

    /** {@code <errno text>: <path>}. */
    public static PebbleException of(Errno errno, String path) {
        return new PebbleException(errno, errno.description() + ": " + path);
    }

    /** {@code <detail>: <path>}, for failures the errno text alone does not explain. */
    public static PebbleException of(Errno errno, String detail, String path) {
        return new PebbleException(errno, detail + ": " + path);
    }

    public static PebbleException notFound(String path) {
        return of(Errno.NOENT, path);
    }

    public static PebbleException exists(String path) {
        return of(Errno.EXIST, path);
    }

    public static PebbleException notDirectory(String path) {
        return of(Errno.NOTDIR, path);
    }

    public static PebbleException isDirectory(String path) {
        return of(Errno.ISDIR, path);
    }

    public static PebbleException notEmpty(String path) {
        return of(Errno.NOTEMPTY, path);
    }

    /** PERM: the path would leave the volume's root. */
    public static PebbleException escapes(String path) {
        return of(Errno.PERM, "path escapes the root", path);
    }

    public static PebbleException readOnly(String path) {
        return of(Errno.ROFS, path);
    }

    /** IO with the host's reason. */
    public static PebbleException io(String reason, String path) {
        return of(Errno.IO, "input/output error (" + reason + ")", path);
    }
}
