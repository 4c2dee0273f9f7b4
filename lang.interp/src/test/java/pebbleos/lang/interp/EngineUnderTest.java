package pebbleos.lang.interp;

import pebbleos.api.engine.ExecutionEngine;

/**
 * The engine the rule tests ({@link PebbleTest}'s subclasses) run on: the
 * interpreter here; lang.vm's suites run the same test classes on the VM and
 * on the VM with every function JIT-compiled (one corpus, one run per back
 * end, as SimpleLanguage's test suite does).
 */
public final class EngineUnderTest {
    private static volatile ExecutionEngine engine = new InterpreterEngine();

    private EngineUnderTest() {
    }

    public static ExecutionEngine get() {
        return engine;
    }

    /** Run the rule tests on {@code e} from now on (a suite's {@code @BeforeClass}). */
    public static void use(ExecutionEngine e) {
        engine = e;
    }
}
