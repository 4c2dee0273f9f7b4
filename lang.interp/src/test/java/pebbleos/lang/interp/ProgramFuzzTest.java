package pebbleos.lang.interp;

import pebbleos.api.engine.ExecutionEngine;
import pebbleos.lang.core.testing.EngineFuzzContract;

/** The interpreter on generated and mutated programs: see {@link EngineFuzzContract}. */
public class ProgramFuzzTest extends EngineFuzzContract {
    @Override
    protected ExecutionEngine engine() {
        return new InterpreterEngine();
    }
}
