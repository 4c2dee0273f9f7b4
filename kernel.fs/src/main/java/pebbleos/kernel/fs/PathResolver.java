package pebbleos.kernel.fs;

import java.util.ArrayList;
import java.util.List;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;

/**
 * Turns a path a program gives into the absolute, normalized path of the
 * namespace. This is the Java side of the path rules, and it enforces
 * containment whatever Pebble asks: relative paths start at the caller's
 * working directory, empty segments and {@code .} are skipped, {@code ..}
 * pops a segment and may never climb above {@code /} (PERM), and NUL or a
 * backslash make the path invalid (INVAL). Host-absolute paths mean nothing
 * here: {@code /etc/passwd} is simply {@code /etc/passwd} of the Pebble root.
 */
public final class PathResolver {
    private PathResolver() {
    }

    /** The absolute normalized form of {@code path} seen from {@code cwd}. */
    public static String resolve(String cwd, String path) {
        if (path.isEmpty()) {
            throw new PebbleException(Errno.INVAL, "file name cannot be empty");
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '\0' || c == '\\') {
                throw new PebbleException(Errno.INVAL, "invalid character in path: " + printable(path));
            }
            // names are Unicode text: a lone surrogate has no encoding on any backend
            if (Character.isHighSurrogate(c) ? i + 1 >= path.length() || !Character.isLowSurrogate(path.charAt(i + 1))
                    : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(path.charAt(i - 1)))) {
                throw new PebbleException(Errno.INVAL, "invalid character in path: a lone UTF-16 surrogate");
            }
        }
        List<String> segments = new ArrayList<>();
        if (path.charAt(0) != '/' && cwd != null) {
            push(segments, cwd, path);
        }
        push(segments, path, path);
        if (segments.isEmpty()) {
            return "/";
        }
        StringBuilder out = new StringBuilder(path.length() + 16);
        for (String s : segments) {
            out.append('/').append(s);
        }
        return out.toString();
    }

    private static void push(List<String> segments, String text, String original) {
        int n = text.length();
        int start = 0;
        for (int i = 0; i <= n; i++) {
            if (i == n || text.charAt(i) == '/') {
                int len = i - start;
                if (len == 0 || (len == 1 && text.charAt(start) == '.')) {
                    // skipped
                } else if (len == 2 && text.charAt(start) == '.' && text.charAt(start + 1) == '.') {
                    if (segments.isEmpty()) {
                        throw new PebbleException(Errno.PERM, "path escapes the root: " + printable(original));
                    }
                    segments.remove(segments.size() - 1);
                } else {
                    segments.add(text.substring(start, i));
                }
                start = i + 1;
            }
        }
    }

    /** The path as a message may show it: NUL as {@code \0}. */
    static String printable(String path) {
        return path.replace("\0", "\\0");
    }
}
