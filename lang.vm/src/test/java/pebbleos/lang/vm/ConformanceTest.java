package pebbleos.lang.vm;

import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.Test;

import pebbleos.lang.core.testing.Corpus;

/** The conformance corpus (corpus/conformance) through the VM and the test kernel. */
public class ConformanceTest {
    @Test
    public void sharedCorpusPasses() {
        Path corpus = Corpus.conformance();
        List<Corpus.Result> results = Corpus.run(new VmEngine(), corpus);
        StringBuilder failures = new StringBuilder();
        for (Corpus.Result r : results) {
            if (!r.ok()) {
                failures.append("FAIL ").append(r.name()).append("\n--- expected\n").append(r.expected())
                        .append("\n--- got\n").append(r.got()).append("\n");
            }
        }
        assertTrue(failures.toString(), failures.length() == 0);
        assertTrue(results.size() > 20);
    }
}
