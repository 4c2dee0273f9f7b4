package pebbleos.lang.vm;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

import pebbleos.lang.vm.code.Proto;
import pebbleos.lang.vm.compiler.Compiler;
import pebbleos.lang.vm.jit.JitCompiler;

/** The system's code compiles at its threshold, a user's program sooner; the property sets both. */
public class JitThresholdTest {
    private static Proto main(String file) {
        return Compiler.compile(file, "x = 1\nprint x\n", "").main();
    }

    @Test
    public void programsCompileSoonerThanTheSystemsCode() {
        String was = System.clearProperty("pebble.jit.threshold");
        try {
            JitCompiler jit = JitCompiler.fromSystemProperties();
            assertEquals(JitCompiler.DEFAULT_THRESHOLD, jit.threshold(main("/system/bin/ls.peb")));
            assertEquals(JitCompiler.DEFAULT_THRESHOLD, jit.threshold(main("/system/lib/cli.peb")));
            assertEquals(JitCompiler.DEFAULT_PROGRAM_THRESHOLD, jit.threshold(main("loop.peb")));
            assertEquals(JitCompiler.DEFAULT_PROGRAM_THRESHOLD, jit.threshold(main("/home/pebble/systemic.peb")));
            assertEquals(JitCompiler.DEFAULT_PROGRAM_THRESHOLD, jit.threshold(main("/tmp/system/x.peb")));
        } finally {
            if (was != null) {
                System.setProperty("pebble.jit.threshold", was);
            }
        }
    }

    @Test
    public void thePropertySetsTheThresholdOfAllCode() {
        String was = System.setProperty("pebble.jit.threshold", "7");
        try {
            JitCompiler jit = JitCompiler.fromSystemProperties();
            assertEquals(7, jit.threshold(main("/system/bin/ls.peb")));
            assertEquals(7, jit.threshold(main("loop.peb")));
        } finally {
            if (was == null) {
                System.clearProperty("pebble.jit.threshold");
            } else {
                System.setProperty("pebble.jit.threshold", was);
            }
        }
    }
}
