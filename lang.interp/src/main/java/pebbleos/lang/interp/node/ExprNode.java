package pebbleos.lang.interp.node;

import pebbleos.lang.interp.Activation;

/**
 * An executable expression: the interpreter compiles the AST into a tree of
 * these, with names already resolved to slots, so evaluation is a virtual
 * call per node and no lookups by name on the fast paths.
 */
public abstract class ExprNode {
    public abstract Object eval(Activation f);
}
