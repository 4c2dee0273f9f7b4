package pebbleos.lang.vm;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.Test;

import pebbleos.api.engine.Task;
import pebbleos.api.process.Signals;
import pebbleos.api.process.TaskContext;
import pebbleos.api.process.Terminated;

/** Deep recursion, big values, and how fast a runaway loop stops. */
public class LimitsTest {
    @Test
    public void recursionFiftyThousandDeepWorks() {
        String source = "def down(n):\n    if n == 0:\n        return 0\n    return 1 + down(n - 1)\nprint down(50000)\n";
        assertEquals("50000\n", Programs.run(new VmEngine(), source));
    }

    @Test
    public void unboundedRecursionEndsInACleanError() {
        String source = "def down(n):\n    return down(n + 1)\ntry:\n    down(0)\nexcept e:\n    print e\n";
        assertEquals("line 2: recursion depth exceeded\n", Programs.run(new VmEngine(), source));
    }

    @Test
    public void tenMegabyteStringAndTenMillionItemList() {
        String source = "s = 'x'\nwhile len(s) < 10000000:\n    s = s + s\nprint len(s)\n"
                + "xs = range(10000000)\nprint len(xs)\nprint xs[9999999]\n";
        assertEquals("16777216\n10000000\n9999999\n", Programs.run(new VmEngine(), source));
    }

    @Test
    public void runawayLoopStopsSoonAfterASignal() throws Exception {
        Path root = Programs.root("while 1:\n    pass\n");
        HookedContext ctx = new HookedContext(root) {
            @Override
            public void safePoint() {
                if ((attention & TaskContext.SIGNAL) != 0) {
                    throw Terminated.bySignal(Signals.SIGINT);
                }
            }
        };
        Task task = new VmEngine().load(ctx, "/prog.peb", List.of("prog.peb"));
        long[] stoppedAt = new long[1];
        Thread runner = new Thread(() -> {
            try {
                task.run();
            } catch (Terminated t) {
                stoppedAt[0] = System.nanoTime();
            }
        });
        runner.start();
        Thread.sleep(300);
        long signalled = System.nanoTime();
        ctx.attention |= TaskContext.SIGNAL;
        runner.join(5000);
        // that it stops at all is the check: a loop without a safe point never would (no
        // wall-clock bound here; on a loaded machine a scheduler delay is not a defect)
        assertTrue("the loop did not stop", stoppedAt[0] != 0 && stoppedAt[0] >= signalled);
    }
}
