package pebbleos.lang.vm;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.runner.RunWith;
import org.junit.runners.Suite;

import pebbleos.lang.interp.EngineUnderTest;
import pebbleos.lang.interp.InterpreterEngine;

/**
 * The language's rule tests (lang.interp's expected-output tests, one
 * program and what it prints each) run on the VM: one corpus, every back
 * end. {@link RulesOnJitTest} runs them again with the JIT compiling each
 * function at its first call.
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
public class RulesOnVmTest {
    @BeforeClass
    public static void onTheVm() {
        EngineUnderTest.use(new VmEngine());
    }

    @AfterClass
    public static void back() {
        EngineUnderTest.use(new InterpreterEngine());
    }
}
