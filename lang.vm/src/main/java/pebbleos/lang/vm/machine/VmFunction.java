package pebbleos.lang.vm.machine;

import pebbleos.lang.core.runtime.Cell;
import pebbleos.lang.core.runtime.PFunction;
import pebbleos.lang.core.runtime.PModule;
import pebbleos.lang.vm.code.Proto;

/** A function value of the VM: a compiled prototype, the module it was defined in, and its captured cells. */
public final class VmFunction extends PFunction {
    public final Proto proto;
    /** The captured variables, in the order of the proto's free names; null when it captures none. */
    public final Cell[] closure;

    public VmFunction(Proto proto, PModule module, Cell[] closure) {
        super(proto.name, proto.arity, module);
        this.proto = proto;
        this.closure = closure;
    }
}
