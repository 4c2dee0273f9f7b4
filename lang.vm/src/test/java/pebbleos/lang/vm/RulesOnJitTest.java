package pebbleos.lang.vm;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.runner.RunWith;
import org.junit.runners.Suite;

import pebbleos.lang.interp.EngineUnderTest;
import pebbleos.lang.interp.InterpreterEngine;
import pebbleos.lang.vm.jit.JitCompiler;

/**
 * The language's rule tests run on the VM with its JIT compiling every
 * function at its first call (threshold 0), so each rule holds in compiled
 * code too; {@link RulesOnVmTest} runs them on the VM's interpreter loop.
 */
@RunWith(Suite.class)
@Suite.SuiteClasses({
    pebbleos.lang.interp.BuiltinModulesTest.class,
    pebbleos.lang.interp.BuiltinsTest.class,
    pebbleos.lang.interp.ClassesTest.class,
    pebbleos.lang.interp.ErrorsTest.class,
    pebbleos.lang.interp.ExpressionsTest.class,
    pebbleos.lang.interp.FunctionsTest.class,
    pebbleos.lang.interp.LimitsTest.class,
    pebbleos.lang.interp.ModulesTest.class,
    pebbleos.lang.interp.SourceFormTest.class,
    pebbleos.lang.interp.StatementsTest.class,
    pebbleos.lang.interp.ValueSemanticsTest.class,
    pebbleos.lang.interp.ValuesTest.class,
})
public class RulesOnJitTest {
    @BeforeClass
    public static void onTheJit() {
        EngineUnderTest.use(new VmEngine(new JitCompiler(0)));
    }

    @AfterClass
    public static void back() {
        EngineUnderTest.use(new InterpreterEngine());
    }
}
