package pebbleos.lang.core.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed and resolved module: its statements, its global slots (every
 * name the module stores or reads as a global, in slot order) and its
 * source lines (for error reports).
 */
public record Program(String file, List<Stmt> body, List<String> globals, String source) {
    /**
     * A last source line {@code #pebble:globals NAME...} (a comment to the
     * parser) gives the first global slots, in that order: how a REPL line is
     * compiled against the slot layout of the module it runs in. Both engines
     * compile through here, and it is part of the source text, so caches
     * keyed by source stay right.
     */
    public static final String PINNED_GLOBALS = "#pebble:globals";

    /** Parse and resolve {@code source}; syntax errors are raised as located errors. */
    public static Program compile(String file, String source) {
        List<Stmt> body = Parser.parse(file, source);
        List<String> globals = Resolver.resolve(file, body, pinnedGlobals(source));
        return new Program(file, body, globals, source);
    }

    /** The names of a last line {@code #pebble:globals NAME...}, or none. */
    static List<String> pinnedGlobals(String source) {
        int nl = source.lastIndexOf('\n');
        String last = source.substring(nl + 1);
        if (!last.startsWith(PINNED_GLOBALS + " ")) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (String name : last.substring(PINNED_GLOBALS.length()).trim().split(" +")) {
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }
}
