package pebbleos.lang.vm;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.file.Path;
import java.util.List;

import org.junit.Test;

import pebbleos.api.PebbleException;
import pebbleos.api.engine.Outcome;
import pebbleos.api.engine.Task;
import pebbleos.api.process.TaskContext;
import pebbleos.lang.core.testing.HostContext;

/** Stepping, suspension at safe points, snapshots and restores in a fresh engine. */
public class SnapshotTest {
    /** A test kernel that asks for a suspension once the program has printed {@code lines} lines. */
    static final class SuspendAfter extends HookedContext {
        private final int lines;
        private int printed;

        SuspendAfter(Path root, int lines) {
            super(root);
            this.lines = lines;
        }

        @Override
        public void print(String text) {
            super.print(text);
            if (++printed == lines) {
                attention |= TaskContext.SUSPEND;
            }
        }
    }

    private static final String COUNT_TO_TEN = "i = 1\nwhile i <= 10:\n    print i\n    i = i + 1\n";

    @Test
    public void loopSnapshottedAfterFivePrintsGoesOnInAFreshEngine() {
        Path root = Programs.root(COUNT_TO_TEN);
        SuspendAfter ctx = new SuspendAfter(root, 5);
        Task task = new VmEngine().load(ctx, "/prog.peb", List.of("prog.peb"));
        Outcome first = task.run();
        assertEquals(Outcome.Kind.SUSPENDED, first.kind());
        assertEquals("1\n2\n3\n4\n5\n", ctx.out());
        byte[] snapshot = task.snapshot();

        HostContext other = Programs.context(root);
        Task restored = new VmEngine().restore(other, snapshot);
        Outcome rest = restored.run();
        assertEquals(Outcome.Kind.DONE, rest.kind());
        assertEquals("6\n7\n8\n9\n10\n", other.out.toString());
    }

    /** A program that exercises every kind of state: frames deep in recursion, closures, classes, dicts, iterators, handlers, random. */
    static final String RICH = String.join("\n",
            "import random",
            "random.seed(7)",
            "class Counter:",
            "    LIMIT = 3",
            "    def __init__(self, name):",
            "        self.name = name",
            "        self.seen = {}",
            "    def add(self, k):",
            "        self.seen[k] = get(self.seen, k, 0) + 1",
            "        return self.seen[k]",
            "def make_adder(n):",
            "    def add(x):",
            "        return x + n",
            "    return add",
            "def walk(depth, c, add):",
            "    if depth == 0:",
            "        return add(c.add('leaf'))",
            "    total = 0",
            "    for ch in 'ab':",
            "        try:",
            "            total = total + walk(depth - 1, c, add)",
            "            if depth == 2 and ch == 'b':",
            "                raise 'boom ' + str(depth)",
            "        except e:",
            "            print e",
            "        finally:",
            "            print 'finally ' + str(depth) + ch",
            "    return total",
            "c = Counter('c')",
            "adders = [make_adder(i) for_each in []] if 0 else [make_adder(10), make_adder(20)]",
            "for a in adders:",
            "    print walk(3, c, a)",
            "    print random.next()",
            "data = {'xs': [1, 2, [3, 4]], 'big': 2 ** 70, 'f': 1.5}",
            "copy = data",
            "append(copy['xs'], 5)",
            "print data",
            "print copy",
            "for i in range(3):",
            "    for k in keys(data):",
            "        print str(i) + k",
            "print c.seen",
            "print random.range(1, 100)",
            "");

    @Test
    public void snapshotAtEveryFewStepsGivesTheUninterruptedOutput() {
        String source = RICH.replace("[make_adder(i) for_each in []] if 0 else ", "");
        String expected = Programs.run(new VmEngine(), source);
        assertTrue(expected, expected.contains("finally 2b") && !expected.contains("prog.peb:"));
        for (int budget : new int[] {5, 41, 333}) {
            Path root = Programs.root(source);
            HostContext ctx = Programs.context(root);
            VmTask task = (VmTask) new VmEngine().load(ctx, "/prog.peb", List.of("prog.peb"));
            StringBuilder out = new StringBuilder();
            Outcome o = null;
            int snapshots = 0;
            while (o == null) {
                o = task.step(budget);
                if (o == null) {
                    byte[] snap = task.snapshot();
                    snapshots++;
                    out.append(ctx.out);
                    ctx = Programs.context(root);
                    task = (VmTask) new VmEngine().restore(ctx, snap);
                }
            }
            out.append(ctx.out);
            assertEquals("budget " + budget, expected, out.toString());
            assertTrue(snapshots > 0);
        }
    }

    @Test
    public void stepRunsAtMostTheBudget() {
        Path root = Programs.root(COUNT_TO_TEN);
        HostContext ctx = Programs.context(root);
        VmTask task = (VmTask) new VmEngine().load(ctx, "/prog.peb", List.of("prog.peb"));
        assertNull(task.step(3)); // i = 1 (2 instructions), the jump to the test
        assertEquals("", ctx.out.toString());
        int steps = 1;
        Outcome o;
        while ((o = task.step(1)) == null) {
            steps++;
        }
        assertEquals(Outcome.Kind.DONE, o.kind());
        assertEquals("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n", ctx.out.toString());
        assertTrue("one instruction a step: " + steps, steps > 50);
    }

    @Test
    public void suspensionWaitsForNestedJavaCodeToReturn() {
        // the key function runs inside sorted(): a suspension asked for there happens after sorted returns
        String source = "def key(x):\n    print x\n    return -x\nys = sorted([1, 2, 3], key)\nfor y in ys:\n    print y\n";
        Path root = Programs.root(source);
        SuspendAfter ctx = new SuspendAfter(root, 1);
        Task task = new VmEngine().load(ctx, "/prog.peb", List.of("prog.peb"));
        assertEquals(Outcome.Kind.SUSPENDED, task.run().kind());
        assertEquals("1\n2\n3\n", ctx.out());
        HostContext other = Programs.context(root);
        new VmEngine().restore(other, task.snapshot()).run();
        assertEquals("3\n2\n1\n", other.out.toString());
    }

    @Test
    public void corruptSnapshotIsAClearError() {
        Path root = Programs.root(COUNT_TO_TEN);
        SuspendAfter ctx = new SuspendAfter(root, 2);
        Task task = new VmEngine().load(ctx, "/prog.peb", List.of("prog.peb"));
        task.run();
        byte[] snap = task.snapshot();
        byte[][] bad = {damage(snap, snap.length / 2), java.util.Arrays.copyOf(snap, snap.length / 3), "hello".getBytes(),
            new byte[0]};
        for (byte[] b : bad) {
            try {
                new VmEngine().restore(Programs.context(root), b);
                fail("restored a corrupt snapshot");
            } catch (PebbleException e) {
                assertTrue(e.getMessage(), e.getMessage().startsWith("not a valid Pebble VM snapshot"));
            }
        }
    }

    static byte[] damage(byte[] bytes, int at) {
        byte[] copy = bytes.clone();
        copy[at] ^= 0x5A;
        return copy;
    }
}
