package pebbleos.lang.vm.machine;

import pebbleos.lang.vm.code.Proto;

/**
 * What turns a hot proto into JVM code (the JIT of {@code pebbleos.lang.vm.jit}),
 * given to a process by the engine; without one the machine only interprets.
 */
public interface CodeGenerator {
    /** Calls plus loop back-edges run interpreted after which {@code proto} is compiled. */
    int threshold(Proto proto);

    /** The JVM code of {@code proto}, or null when it cannot be made (the proto stays interpreted). */
    Compiled generate(Proto proto);
}
