package pebbleos.lang.core.syntax;

import java.util.List;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import pebbleos.lang.core.runtime.PebbleError;
import pebbleos.lang.core.testing.Fuzz;

/**
 * The front end (lexer, parser, resolver) on random and mutated sources:
 * whatever the input, it either compiles or fails with a located Pebble
 * error ({@code FILE:LINE: message}); no Java exception, no stack overflow,
 * no error without a place.
 */
public class SyntaxFuzzTest {
    private static final List<String> SEEDS = Fuzz.seeds();
    private static final Pattern LOCATED = Pattern.compile("fuzz\\.peb:[1-9][0-9]*: \\S.*");

    private static void compiles(String source) {
        try {
            Program.compile("fuzz.peb", source);
        } catch (PebbleError e) {
            String first = e.report().split("\n", 2)[0];
            if (!LOCATED.matcher(first).matches()) {
                throw new AssertionError("unlocated syntax error: " + e.report() + "\n--- source:\n" + source);
            }
        } catch (Throwable e) {
            throw new AssertionError("the front end threw " + e + "\n--- source:\n" + source, e);
        }
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    @Property(tries = 3000)
    void mutatedProgramsCompileOrFailWithALocatedError(@ForAll("seeds") long seed) {
        compiles(Fuzz.mutated(SEEDS, seed));
    }

    @Property(tries = 2000)
    void randomTextCompilesOrFailsWithALocatedError(@ForAll("seeds") long seed) {
        compiles(Fuzz.randomText(seed));
    }

    @Property(tries = 500)
    void generatedProgramsCompile(@ForAll("seeds") long seed) {
        String source = Fuzz.generated(seed);
        try {
            Program.compile("fuzz.peb", source);
        } catch (PebbleError e) {
            throw new AssertionError("a generated program does not parse: " + e.report() + "\n--- source:\n" + source);
        }
    }

    @Property(tries = 1000)
    void arbitraryStringsCompileOrFailWithALocatedError(@ForAll String source) {
        compiles(source);
    }
}
