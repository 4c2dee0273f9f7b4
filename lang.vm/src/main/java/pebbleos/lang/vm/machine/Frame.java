package pebbleos.lang.vm.machine;

import pebbleos.lang.core.runtime.PInstance;
import pebbleos.lang.core.runtime.PModule;
import pebbleos.lang.vm.code.Proto;

/**
 * One activation record of the VM's frame stack. Records are pooled: the
 * machine reuses the object of a depth for the next call at that depth, so a
 * call allocates nothing. The registers live on the machine's value stack
 * from {@link #base}.
 */
public final class Frame {
    /** The frame is the bottom of a run of the dispatch loop: returning from it leaves the loop. */
    public static final int BOUNDARY = 1;
    /** An error leaving this frame is reported at the caller's line (a call into a transparent module). */
    public static final int RELOCATE = 2;
    /** The frame runs {@code __init__}: the call's value is {@link #instance}, not the return value. */
    public static final int CONSTRUCTOR = 4;

    public Proto proto;
    /** The running function, null for module code. */
    public VmFunction function;
    /** The module whose globals the code sees. */
    public PModule module;
    /** Index of register 0 on the value stack. */
    public int base;
    /** The next instruction: where the frame resumes (for a caller, the word after its call). */
    public int pc;
    /** Where on the value stack the caller wants the result. */
    public int ret;
    public int flags;
    /** For a constructor frame: the instance being initialized. */
    public PInstance instance;

    /** The source line the frame is at: the running instruction for the top frame, the call for the others. */
    public int line(boolean top) {
        return proto.line(top ? pc : Math.max(0, pc - 1));
    }
}
