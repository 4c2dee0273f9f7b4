package pebbleos.lang.vm;

import org.junit.AfterClass;
import org.junit.BeforeClass;

import pebbleos.lang.interp.EngineUnderTest;
import pebbleos.lang.interp.InterpreterEngine;
import pebbleos.lang.vm.jit.JitCompiler;

/**
 * The language's rule tests ({@link RuleSuite}) on the VM with its JIT
 * compiling every function at its first call (threshold 0), so each rule
 * holds in compiled code too.
 */
public class RulesOnJitTest extends RuleSuite {
    @BeforeClass
    public static void onTheJit() {
        EngineUnderTest.use(new VmEngine(new JitCompiler(0)));
    }

    @AfterClass
    public static void back() {
        EngineUnderTest.use(new InterpreterEngine());
    }
}
