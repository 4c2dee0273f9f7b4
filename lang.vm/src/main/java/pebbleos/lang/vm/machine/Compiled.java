package pebbleos.lang.vm.machine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The JVM code of one proto, made by the JIT ({@code pebbleos.lang.vm.jit})
 * as a hidden class in this package, so that it reaches the machine's state
 * and slow paths as the dispatch loop does. Hidden classes are unloaded once
 * their proto is gone.
 *
 * <p>A run executes one frame, starting at its {@code pc} (0 or the head of a
 * loop), with the registers on the machine's value stack as always. It calls
 * compiled callees directly (pushing their frames, so the frame stack stays
 * what the interpreter would have), and it hands over to the machine by
 * returning {@link #BAIL} with the frame's {@code pc} saved whenever the
 * general machinery is needed: a safe point whose attention bits are set, a
 * callee that is not compiled, the Java depth limit. Errors leave as Java
 * exceptions with the failing frame's {@code pc} set, and the machine unwinds.
 */
public abstract class Compiled {
    /** Returned by {@link #run} when the machine takes over: the top frame continues interpreted at its pc. */
    public static final Object BAIL = new Machine.Marker("bail");
    /** Compiled frames that call each other directly, at most; deeper calls go through the machine. */
    public static final int MAX_DEPTH = 200;

    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

    /**
     * Run frame {@code f} (the top frame) from its {@code pc}, {@code depth}
     * compiled frames being below it on the Java stack. Returns the frame's
     * value, the frame popped, or {@link #BAIL}.
     */
    public abstract Object run(Machine m, Frame f, int depth);

    /** Define a class the JIT wrote: a subclass of this one in this package, with a public no-argument constructor. */
    public static Compiled define(byte[] classFile) throws Throwable {
        MethodHandles.Lookup hidden = LOOKUP.defineHiddenClass(classFile, true);
        return (Compiled) hidden.findConstructor(hidden.lookupClass(), MethodType.methodType(void.class)).invoke();
    }
}
