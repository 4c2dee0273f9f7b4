package pebbleos.lang.interp;

import static org.junit.Assert.assertEquals;

import pebbleos.lang.core.testing.Run;

/**
 * Helpers for the language's rule tests: run a program through the engine
 * under test ({@link EngineUnderTest}: the interpreter here, the VM and its
 * JIT in lang.vm's suites) and the test kernel, and look at what the user
 * sees. One engine serves every test (its code cache is shared, as in the
 * system).
 */
abstract class PebbleTest {

    /** The output of a program that must not fail ({@code files}: more files, path/content pairs). */
    static String out(String source, String... files) {
        return Run.out(EngineUnderTest.get(), source, files);
    }

    /** The uncaught error text of a program that must fail. */
    static String error(String source, String... files) {
        return Run.error(EngineUnderTest.get(), source, files);
    }

    static Run.Result run(String source, String... files) {
        return Run.program(EngineUnderTest.get(), source, files);
    }

    /** Lines with a final newline. */
    static String lines(String... lines) {
        return Run.lines(lines);
    }

    /** Assert that the program prints exactly these lines. */
    static void prints(String source, String... expected) {
        assertEquals(lines(expected), out(source));
    }

    /** Assert that printing the expression gives {@code expected}. */
    static void printsValue(String expression, String expected) {
        assertEquals(expected + "\n", out("print " + expression + "\n"));
    }

    /** Assert the uncaught error text ({@code main.peb:LINE: message}). */
    static void fails(String source, String expected) {
        assertEquals(expected, error(source));
    }
}
