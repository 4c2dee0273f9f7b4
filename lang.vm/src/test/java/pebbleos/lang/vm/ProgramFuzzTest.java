package pebbleos.lang.vm;

import pebbleos.api.engine.ExecutionEngine;
import pebbleos.lang.core.testing.EngineFuzzContract;

/** The bytecode VM (with its JIT) on generated and mutated programs: see {@link EngineFuzzContract}. */
public class ProgramFuzzTest extends EngineFuzzContract {
    @Override
    protected ExecutionEngine engine() {
        return new VmEngine();
    }
}
