package pebbleos.lang.interp;

import static org.junit.Assert.assertTrue;

import org.junit.Test;

/**
 * PEBBLE.md value semantics: assigning a list or dict, or passing one to a
 * user function, binds a copy (copy-on-write underneath); builtins such as
 * append and indexed/attribute assignments act on the value itself; modules,
 * classes, instances and functions are references.
 */
public class ValueSemanticsTest extends PebbleTest {
    @Test
    public void assigningAListBindsACopy() {
        prints("""
                data = [1, 2]
                alias = data
                append(alias, 7)
                print len(data)
                print len(alias)
                """, "2", "3");
    }

    @Test
    public void assigningADictBindsACopy() {
        prints("""
                d = {"a": 1}
                e = d
                e["b"] = 2
                print d
                print e
                """, "{a: 1}", "{a: 1, b: 2}");
    }

    @Test
    public void changingTheOriginalDoesNotChangeTheCopy() {
        prints("a = [1]\nb = a\na[0] = 9\nprint b", "[1]");
    }

    @Test
    public void passingAListToAFunctionBindsACopy() {
        prints("""
                def change(xs):
                    append(xs, 99)
                    xs[0] = 0
                    return xs
                data = [1, 2]
                print change(data)
                print data
                """, "[0, 2, 99]", "[1, 2]");
    }

    @Test
    public void nestedListsAreCopiedToo() {
        prints("""
                grid = [[1, 2], [3, 4]]
                copy = grid
                copy[0][0] = 100
                append(copy[1], 5)
                print grid
                print copy
                """, "[[1, 2], [3, 4]]", "[[100, 2], [3, 4, 5]]");
    }

    @Test
    public void nestedDictInListIsCopied() {
        prints("""
                rows = [{"n": 1}]
                other = rows
                other[0]["n"] = 2
                print rows
                print other
                """, "[{n: 1}]", "[{n: 2}]");
    }

    @Test
    public void elementTakenOutOfAListIsACopy() {
        prints("""
                grid = [[1], [2]]
                row = grid[0]
                append(row, 9)
                print grid
                print row
                """, "[[1], [2]]", "[1, 9]");
    }

    @Test
    public void storingAListIntoAContainerStoresACopy() {
        prints("""
                inner = [1]
                outer = [inner]
                d = {"k": inner}
                append(inner, 2)
                print outer
                print d
                """, "[[1]]", "{k: [1]}");
    }

    @Test
    public void appendStoresACopy() {
        prints("""
                row = [1]
                rows = []
                append(rows, row)
                append(row, 2)
                print rows
                """, "[[1]]");
    }

    @Test
    public void appendActsOnTheListItself() {
        prints("xs = []\nappend(xs, 1)\nappend(xs, 2)\nprint xs", "[1, 2]");
    }

    @Test
    public void appendReturnsTheList() {
        printsValue("append([1], 2)", "[1, 2]");
    }

    @Test
    public void indexedAssignmentInAFunctionChangesTheGlobalDict() {
        prints("""
                BOX = {}
                def put():
                    BOX["n"] = 1
                put()
                print BOX
                """, "{n: 1}");
    }

    @Test
    public void appendInAFunctionToAGlobalListChangesIt() {
        prints("""
                LOG = []
                def log(x):
                    append(LOG, x)
                log("a")
                log("b")
                print LOG
                """, "[a, b]");
    }

    @Test
    public void returnedListIsIndependentOfTheFunctionsGlobals() {
        prints("""
                STATE = [1]
                def get():
                    return STATE
                s = get()
                append(s, 2)
                print STATE
                """, "[1]");
    }

    @Test
    public void forLoopVariableIsACopy() {
        prints("""
                rows = [[1], [2]]
                for r in rows:
                    append(r, 0)
                print rows
                """, "[[1], [2]]");
    }

    @Test
    public void instancesAreReferences() {
        prints("""
                class Box:
                    pass
                def fill(b):
                    b.v = 5
                box = Box()
                other = box
                fill(other)
                print box.v
                """, "5");
    }

    @Test
    public void listInsideAnInstanceFieldIsChangedThroughTheInstance() {
        prints("""
                class Bag:
                    def __init__(self):
                        self.items = []
                    def add(self, x):
                        append(self.items, x)
                b = Bag()
                b.add(1)
                b.add(2)
                print b.items
                """, "[1, 2]");
    }

    @Test
    public void modulesAreReferences() {
        org.junit.Assert.assertEquals("2\n", out("""
                import counter
                import counter as again
                counter.N = 2
                print again.N
                """, "counter.peb", "N = 1\n"));
    }

    @Test
    public void functionsAreReferences() {
        prints("def f():\n    return 1\ng = f\nprint g == f", "1");
    }

    @Test
    public void sliceIsACopy() {
        prints("xs = [[1], 2]\nys = xs[0:1]\nappend(ys[0], 5)\nprint xs", "[[1], 2]");
    }

    @Test
    public void plusMakesANewList() {
        prints("a = [1]\nb = a + [2]\nappend(a, 3)\nprint b", "[1, 2]");
    }

    @Test
    public void copiesAreCheapCopyOnWrite() {
        // a 100k-element list bound 2000 times: quadratic if copies were eager
        long start = System.nanoTime();
        prints("""
                big = range(100000)
                def first(xs):
                    return xs[0]
                total = 0
                for i in range(2000):
                    alias = big
                    total = total + first(alias)
                print total
                append(alias, 1)
                print len(big)
                print len(alias)
                """, "0", "100000", "100001");
        assertTrue("copy-on-write copies should be O(1)", System.nanoTime() - start < 60_000_000_000L);
    }

    @Test
    public void copyOfACopyStaysIndependent() {
        prints("""
                a = [[0]]
                b = a
                c = b
                b[0][0] = 1
                c[0][0] = 2
                print a
                print b
                print c
                """, "[[0]]", "[[1]]", "[[2]]");
    }
}
