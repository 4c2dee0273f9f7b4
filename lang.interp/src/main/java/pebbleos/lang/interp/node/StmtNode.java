package pebbleos.lang.interp.node;

import pebbleos.lang.interp.Activation;

/**
 * An executable statement. {@link #exec} returns how control leaves it, so
 * that break, continue and return need no Java exceptions.
 */
public abstract class StmtNode {
    public static final int NORMAL = 0;
    public static final int BREAK = 1;
    public static final int CONTINUE = 2;
    public static final int RETURN = 3;

    /** The source line, for error reports. */
    public final int line;

    protected StmtNode(int line) {
        this.line = line;
    }

    public abstract int exec(Activation f);
}
