package pebbleos.lang.core.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

import pebbleos.api.engine.ExecutionEngine;

/**
 * An engine on generated and mutated programs, one property suite that each
 * engine's module runs ({@code ProgramFuzzTest} in {@code lang.interp} and
 * {@code lang.vm}): whatever the program, the host sees a normal end, a
 * Pebble error ({@code FILE:LINE: message}) or a kill, never a Java exception
 * or its text, an "internal error", or a thread that cannot be stopped (see
 * {@link Sandbox}). The budget is bounded: a fixed number of tries, and each
 * program may pass 20000 safe points and run 10 s, on a thread with a 1 MB
 * stack, as small as a kernel thread's may be. A failure prints the program;
 * its seed reproduces it.
 */
public abstract class EngineFuzzContract {
    private static final List<String> SEEDS = Fuzz.seeds();
    private Path disk;
    private Sandbox sandbox;

    /** A fresh instance of the engine under test. */
    protected abstract ExecutionEngine engine();

    @BeforeProperty
    void makeDisk() throws IOException {
        disk = Files.createTempDirectory("pebble-fuzz");
        sandbox = new Sandbox(engine(), disk, 20_000, 10_000, 1L << 20);
    }

    @AfterProperty
    void removeDisk() throws IOException {
        try (Stream<Path> walk = Files.walk(disk)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private void runsSafely(String source) {
        String problem = sandbox.problem(source);
        if (problem != null) {
            throw new AssertionError(problem + "\n--- program:\n" + source);
        }
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    @Property(tries = 600)
    void generatedProgramsEndCleanly(@ForAll("seeds") long seed) {
        runsSafely(Fuzz.generated(seed));
    }

    @Property(tries = 600)
    void mutatedProgramsEndCleanly(@ForAll("seeds") long seed) {
        runsSafely(Fuzz.mutated(SEEDS, seed));
    }

    @Property(tries = 200)
    void randomTextEndsCleanly(@ForAll("seeds") long seed) {
        runsSafely(Fuzz.randomText(seed));
    }
}
