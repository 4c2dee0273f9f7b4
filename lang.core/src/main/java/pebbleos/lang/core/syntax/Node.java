package pebbleos.lang.core.syntax;

/** Every AST node knows the source line it starts on (1-based). */
public abstract class Node {
    public final int line;

    protected Node(int line) {
        this.line = line;
    }
}
