package pebbleos.lang.interp;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

import pebbleos.lang.core.testing.Run;

/**
 * A program can never crash the host: deep recursion ends in a Pebble error,
 * and big values (10 MB strings, 10 million item lists) work.
 */
public class LimitsTest extends PebbleTest {
    @Test
    public void infiniteRecursionEndsInACleanError() {
        fails("def f(n):\n    return f(n + 1)\nf(0)", "main.peb:2: recursion depth exceeded");
    }

    /** Run on a thread with a big stack, as a kernel thread for Pebble tasks should have. */
    private static String onBigStack(java.util.function.Supplier<String> body) throws InterruptedException {
        String[] result = new String[1];
        Throwable[] failure = new Throwable[1];
        Thread t = new Thread(null, () -> {
            try {
                result[0] = body.get();
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "big-stack", 512L << 20);
        t.start();
        t.join();
        if (failure[0] != null) {
            throw new AssertionError(failure[0]);
        }
        return result[0];
    }

    @Test
    public void recursionDepthGrowsWithTheThreadStack() throws InterruptedException {
        assertEquals("20000\n", onBigStack(() -> out("""
                def depth(n):
                    if n == 0:
                        return 0
                    return 1 + depth(n - 1)
                print depth(20000)
                """)));
    }

    @Test
    public void onABigStackTheDepthLimitEndsInfiniteRecursion() throws InterruptedException {
        assertEquals("main.peb:2: recursion depth exceeded",
                onBigStack(() -> error("def f(n):\n    return f(n + 1)\nf(0)")));
    }

    @Test
    public void recursionErrorCanBeCaught() {
        prints("""
                def f(n):
                    return f(n + 1)
                try:
                    f(0)
                except err:
                    print err
                print "still running"
                """, "line 2: recursion depth exceeded", "still running");
    }

    @Test
    public void mutualRecursionEndsInACleanError() {
        String e = error("def a(n):\n    return b(n)\ndef b(n):\n    return a(n)\na(1)");
        assertTrue(e, e.matches("main\\.peb:[24]: recursion depth exceeded"));
    }

    @Test
    public void recursionThroughAMethodEndsInACleanError() {
        String e = error("class C:\n    def m(self):\n        return self.m()\nC().m()");
        assertEquals("main.peb:3: recursion depth exceeded", e);
    }

    @Test
    public void recursionThroughAConstructorEndsInACleanError() {
        String e = error("class C:\n    def __init__(self):\n        self.c = C()\nC()");
        assertEquals("main.peb:3: recursion depth exceeded", e);
    }

    @Test
    public void recursionThroughABuiltinEndsInACleanError() {
        String e = error("def k(x):\n    return sorted([1, 2], k)\nsorted([1, 2], k)");
        assertEquals("main.peb:2: recursion depth exceeded", e);
    }

    @Test
    public void deeplyNestedListPrintsOrFailsCleanly() {
        String e = error("x = []\nfor i in range(200000):\n    x = [x]\nprint len(str(x))");
        assertEquals("main.peb:4: recursion depth exceeded", e);
    }

    @Test
    public void tenMegabyteString() {
        prints("""
                s = "x"
                while len(s) < 10000000:
                    s = s + s
                print len(s)
                t = s + "!"
                print t[-1]
                print len(t.replace("x", "yy"))
                """, "16777216", "!", "33554433");
    }

    @Test
    public void tenMillionItemList() {
        prints("""
                xs = range(10000000)
                print len(xs)
                print xs[-1]
                ys = xs
                append(ys, 1)
                print len(xs)
                print len(ys)
                """, "10000000", "9999999", "10000000", "10000001");
    }

    @Test
    public void aMillionAppends() {
        prints("""
                xs = []
                for i in range(1000000):
                    append(xs, i)
                print len(xs)
                """, "1000000");
    }

    @Test
    public void tooLargeRangeIsAPebbleError() {
        fails("x = range(1000000000000)", "main.peb:1: range() is too large");
    }

    @Test
    public void countingLoopOverAHugeRangeDoesNotBuildIt() {
        prints("n = 0\nfor i in range(10000000000000):\n    n = n + 1\n    if n == 3:\n        break\nprint n", "3");
    }

    @Test
    public void hugeIntegerPowerIsRefused() {
        fails("print 10 ** 100000000", "main.peb:1: integer result too large");
    }

    @Test
    public void deeplyNestedBracketsAreAPebbleError() {
        String e = error("x = " + "(".repeat(100_000) + "1" + ")".repeat(100_000));
        assertTrue(e, e.startsWith("main.peb:1: invalid expression at column 201: expression is nested too deeply"));
    }

    @Test
    public void deeplyNestedBlocksAreAPebbleError() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            sb.append("    ".repeat(i)).append("if 1:\n");
        }
        sb.append("    ".repeat(2000)).append("print 1\n");
        assertEquals("main.peb:102: too many levels of indentation", error(sb.toString()));
    }

    @Test
    public void veryLongExpressionRunsOrIsAPebbleError() {
        Run.Result r = run("x = " + "1 + ".repeat(100_000) + "1\nprint x");
        assertTrue(r.all(), r.all().equals("100001\n") || r.all().equals("main.peb:1: expression is nested too deeply\n"));
    }

    @Test
    public void runawayIntegerGrowthStopsAtTheSizeLimit() {
        prints("""
                x = 3
                n = 0
                try:
                    while 1:
                        x = x * x
                        n = n + 1
                except err:
                    print err
                print n
                """, "line 5: integer result too large", "21");
    }

    @Test
    public void integersOfAHundredThousandDigitsWork() {
        prints("""
                x = 10 ** 100000
                print len(str(x + 1))
                print int(str(x)) == x
                """, "100001", "1");
    }

    @Test
    public void tooLongIntegerTextIsAPebbleError() {
        prints("""
                s = "9"
                while len(s) < 2000000:
                    s = s + s
                try:
                    int(s)
                except err:
                    print err
                """, "line 5: int() result too large");
    }

    @Test
    public void tooLargeIntegerLiteralIsASyntaxError() {
        fails("x = " + "7".repeat(2_000_000), "main.peb:1: invalid expression at column 5: integer literal is too large");
    }

    @Test
    public void longDigitTextIsRefusedQuicklyByFloat() {
        long start = System.nanoTime();
        prints("s = \"1\"\nwhile len(s) < 100000:\n    s = s + s\ntry:\n    float(s + \"x\")\nexcept err:\n    print err[0:31]",
                "line 5: float() could not parse");
        assertTrue(System.nanoTime() - start < 60_000_000_000L); // quadratic parsing would take hours
    }

    @Test
    public void buildingAHugeRangeCanBeKilled() {
        Run.Result r = Run.withContext(EngineUnderTest.get(), "xs = range(99999999)\nprint len(xs)", java.util.List.of(),
                ctx -> ctx.limitSafePoints(3));
        assertEquals("", r.out());
        assertEquals(137, r.status()); // killed while building: the print never ran
    }
}
