package pebbleos.lang.core.syntax;

import java.util.List;

/**
 * A parsed and resolved module: its statements, its global slots (every
 * name the module stores or reads as a global, in slot order) and its
 * source lines (for error reports).
 */
public record Program(String file, List<Stmt> body, List<String> globals, String source) {
    /** Parse and resolve {@code source}; syntax errors are raised as located errors. */
    public static Program compile(String file, String source) {
        List<Stmt> body = Parser.parse(file, source);
        List<String> globals = Resolver.resolve(file, body);
        return new Program(file, body, globals, source);
    }
}
