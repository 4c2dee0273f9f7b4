package pebbleos.lang.vm;

import org.junit.AfterClass;
import org.junit.BeforeClass;

import pebbleos.lang.interp.EngineUnderTest;
import pebbleos.lang.interp.InterpreterEngine;

/**
 * The language's rule tests ({@link RuleSuite}) on the VM: one corpus, every
 * back end. {@link RulesOnJitTest} runs them again with the JIT compiling each
 * function at its first call.
 */
public class RulesOnVmTest extends RuleSuite {
    @BeforeClass
    public static void onTheVm() {
        EngineUnderTest.use(new VmEngine());
    }

    @AfterClass
    public static void back() {
        EngineUnderTest.use(new InterpreterEngine());
    }
}
