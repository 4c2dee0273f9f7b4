package pebbleos.api.fs;

/**
 * The path form every {@link Volume} receives ({@code /}, {@code /a/b}) and the
 * checks a backend applies to it. The kernel normalizes user paths before they
 * reach a volume; a backend checks again so that no caller, however buggy,
 * can walk out of its root: anything that is not in normal form ({@code ..},
 * {@code .}, empty segments, relative paths, NUL, backslashes) is refused
 * with PERM.
 */
public final class VolumePaths {
    /** The root of a volume. */
    public static final String ROOT = "/";

    private VolumePaths() {
    }

    /** {@code path} itself when it is in normal form; PERM naming it otherwise. */
    public static String check(String path) {
        if (path == null || path.isEmpty() || path.charAt(0) != '/') {
            throw FsErrors.escapes(String.valueOf(path));
        }
        int n = path.length();
        if (n == 1) {
            return path;
        }
        if (path.charAt(n - 1) == '/') {
            throw FsErrors.escapes(path);
        }
        int start = 1;
        for (int i = 1; i <= n; i++) {
            char c = i < n ? path.charAt(i) : '/';
            if (c == '\0' || c == '\\') {
                throw FsErrors.escapes(path);
            }
            if (c == '/') {
                int len = i - start;
                if (len == 0 || (len == 1 && path.charAt(start) == '.')
                        || (len == 2 && path.charAt(start) == '.' && path.charAt(start + 1) == '.')) {
                    throw FsErrors.escapes(path);
                }
                start = i + 1;
            }
        }
        return path;
    }

    /** True for {@code /}. */
    public static boolean isRoot(String path) {
        return path.length() == 1;
    }

    /** The parent of a checked path ({@code /} for {@code /a}); {@code null} for the root. */
    public static String parent(String path) {
        if (isRoot(path)) {
            return null;
        }
        int slash = path.lastIndexOf('/');
        return slash == 0 ? ROOT : path.substring(0, slash);
    }

    /** The last component of a checked path ({@code ""} for the root). */
    public static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** {@code directory}/{@code name}. */
    public static String child(String directory, String name) {
        return isRoot(directory) ? "/" + name : directory + "/" + name;
    }

    /** The path without its leading slash, as host paths and store keys want it ({@code ""} for the root). */
    public static String relative(String path) {
        return path.substring(1);
    }

    /** True when {@code path} is {@code ancestor} or lies below it. */
    public static boolean within(String path, String ancestor) {
        if (isRoot(ancestor)) {
            return true;
        }
        return path.equals(ancestor) || (path.startsWith(ancestor) && path.charAt(ancestor.length()) == '/');
    }
}
