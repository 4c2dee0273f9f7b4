package pebbleos.lang.vm;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.Test;

import pebbleos.lang.interp.InterpreterEngine;
import pebbleos.lang.vm.jit.JitCompiler;

/**
 * The JIT's class files kept in the cache folder: a fresh engine (a later
 * boot) defines the protos that got hot before from their files instead of
 * translating them, and runs them to the same output; a damaged file is
 * translated again and replaced; the folder of another build is removed.
 */
public class JitClassFilesTest {
    private static final String HOT = "def fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\n"
            + "print fib(18)\n"
            + "s = 0\ni = 0\nwhile i < 5000:\n    s = s + i * 3\n    i = i + 1\nprint s\n"
            + "class V:\n    def __init__(self, x):\n        self.x = x\n    def dot(self, o):\n        return self.x * o.x\n"
            + "a = V(3)\nt = 0\nfor k in range(2000):\n    t += a.dot(V(k))\nprint t\n";

    @Test
    public void aLaterBootDefinesTheKeptClassesWithoutTranslating() throws IOException {
        Path dir = Files.createTempDirectory("jitcache");
        Path stale = Files.createDirectories(dir.resolve("jit-000000000000000000000000"));
        Files.write(stale.resolve("x-1.class"), new byte[] {1, 2, 3});
        String expected = Programs.run(new InterpreterEngine(), HOT);

        JitCompiler first = new JitCompiler(2);
        assertEquals(expected, run(first, dir));
        assertTrue("compiled " + first.compiledCount(), first.compiledCount() >= 3);
        assertEquals(0, first.reusedCount());
        List<Path> kept = classFiles(dir);
        assertEquals(first.compiledCount(), kept.size());
        assertFalse("another build's folder is removed", Files.exists(stale));

        JitCompiler second = new JitCompiler(2);
        assertEquals(expected, run(second, dir));
        assertEquals(first.compiledCount(), second.compiledCount());
        assertEquals("every class from its file", second.compiledCount(), second.reusedCount());

        for (Path f : kept) {
            Files.write(f, new byte[] {(byte) 0xCA, (byte) 0xFE, 0, 0});
        }
        JitCompiler third = new JitCompiler(2);
        assertEquals(expected, run(third, dir));
        assertEquals(first.compiledCount(), third.compiledCount());
        assertEquals("damaged files are translated again", 0, third.reusedCount());
        assertEquals(0, third.refusedCount());

        JitCompiler fourth = new JitCompiler(2);
        assertEquals(expected, run(fourth, dir));
        assertEquals("and replaced", fourth.compiledCount(), fourth.reusedCount());
    }

    private static String run(JitCompiler jit, Path dir) {
        VmEngine engine = new VmEngine(jit);
        engine.useCacheDirectory(dir);
        return Programs.run(engine, HOT);
    }

    private static List<Path> classFiles(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(".class")).sorted().toList();
        }
    }
}
