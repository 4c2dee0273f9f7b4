package pebbleos.lang.vm;

import org.junit.runner.RunWith;
import org.junit.runners.Suite;

/**
 * The language's rule tests (lang.interp's expected-output tests, one
 * program and what it prints each), listed once: {@link RulesOnVmTest} and
 * {@link RulesOnJitTest} run them on the VM and on its JIT (the runner and
 * the list are inherited; each subclass picks its engine before the suite).
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
public abstract class RuleSuite {
}
