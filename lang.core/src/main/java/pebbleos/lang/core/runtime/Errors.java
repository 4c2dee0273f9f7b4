package pebbleos.lang.core.runtime;

import pebbleos.api.value.Values;

/**
 * The errors both engines raise, one constructor per kind (as Lua's
 * {@code luaG_*} in {@code ldebug.c}): the interpreter, the VM, its JIT and
 * the shared operators build the same message from one place, so a user sees
 * the same text whichever engine runs the program.
 */
public final class Errors {
    private Errors() {
    }

    /** A function called with the wrong number of arguments ({@code expected}: "2", or a range "1-2"). */
    public static PebbleError arity(String function, Object expected, int got) {
        return new PebbleError("function '" + function + "' expected " + expected + " arguments but got " + got);
    }

    /** {@code C(args)} with the wrong number of arguments for {@code __init__}. */
    public static PebbleError constructorArity(String cls, int expected, int got) {
        return new PebbleError("class '" + cls + "' expected " + expected + " constructor arguments but got " + got);
    }

    public static PebbleError divisionByZero() {
        return new PebbleError("division by zero");
    }

    public static PebbleError moduloByZero() {
        return new PebbleError("modulo by zero");
    }

    /** Too many nested calls (the engine's own limit, before the Java stack's). */
    public static PebbleError recursionDepth() {
        return new PebbleError("recursion depth exceeded");
    }

    public static PebbleError keyNotFound() {
        return new PebbleError("dict key not found");
    }

    public static PebbleError indexOutOfRange() {
        return new PebbleError("index out of range");
    }

    public static PebbleError listIndexOutOfRange() {
        return new PebbleError("list index out of range");
    }

    public static PebbleError indexNotInteger() {
        return new PebbleError("index must be an integer");
    }

    public static PebbleError rangeStepZero() {
        return new PebbleError("range() step cannot be zero");
    }

    public static PebbleError notIterable() {
        return new PebbleError("for loops must iterate over a list or range(...)");
    }

    public static PebbleError extendsNonClass() {
        return new PebbleError("a class can only extend a class");
    }

    public static PebbleError fieldNotFound() {
        return new PebbleError("instance field not found");
    }

    public static PebbleError fieldIndexNotString() {
        return new PebbleError("instance field index must be a string");
    }

    public static PebbleError outOfMemory() {
        return new PebbleError("out of memory");
    }

    /** A bare {@code raise} outside an {@code except} block. */
    public static PebbleError nothingToReraise() {
        return new PebbleError("no error to re-raise");
    }

    public static PebbleError zeroToNegativePower() {
        return new PebbleError("0.0 cannot be raised to a negative power");
    }

    public static PebbleError sqrtNegative() {
        return new PebbleError("sqrt() requires a non-negative integer");
    }

    public static PebbleError negativeExponent() {
        return new PebbleError("pow() only supports non-negative integer exponents");
    }

    /** {@code x.f()} where {@code f} is a field that holds no function. */
    public static PebbleError fieldNotCallable(String name) {
        return new PebbleError("instance field '" + name + "' is not callable");
    }

    /** {@code x.f()} where {@code x} ("instance of 'C'", "module 'm'", "class 'C'") has no callable {@code f}. */
    public static PebbleError noCallableMember(String owner, String name) {
        return new PebbleError(owner + " has no callable member '" + name + "'");
    }

    /** {@code x.f()} on a number, None or a function. */
    public static PebbleError attributeCallOnValue() {
        return new PebbleError("attribute calls require a module, class, or instance");
    }

    /** A call of a value that is no function, class or method. */
    public static PebbleError notCallable(Object value) {
        return new PebbleError("'" + Values.typeName(value) + "' value is not callable");
    }

    /** {@code m.name} or {@code from m import name} where module {@code m} has no {@code name}. */
    public static PebbleError noMember(String module, String name) {
        return new PebbleError("module '" + module + "' has no member '" + name + "'");
    }

    /**
     * What a Java failure inside running Pebble code is to the program: a
     * failure a builtin or value reports in user terms (an unhashable key, a
     * syscall's error), too deep a recursion, the heap running out, or else
     * an internal error naming it. Both engines translate through here.
     */
    public static PebbleError fromJava(Throwable e) {
        if (e instanceof PebbleError pe) {
            return pe;
        }
        if (e instanceof pebbleos.api.PebbleException pe) {
            return PebbleError.of(pe);
        }
        if (e instanceof StackOverflowError) {
            return recursionDepth();
        }
        if (e instanceof OutOfMemoryError) {
            return outOfMemory();
        }
        return new PebbleError("internal error: " + e);
    }
}
