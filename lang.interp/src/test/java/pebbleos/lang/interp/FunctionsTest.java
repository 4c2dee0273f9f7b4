package pebbleos.lang.interp;

import org.junit.Test;

/** PEBBLE.md functions: arity, return 0, locals and globals, functions as values, closures, lambda. */
public class FunctionsTest extends PebbleTest {
    @Test
    public void arityMustMatchExactly() {
        fails("def f(a, b):\n    return a\nprint f(1)", "main.peb:3: function 'f' expected 2 arguments but got 1");
        fails("def f():\n    return 1\nf(1)", "main.peb:3: function 'f' expected 0 arguments but got 1");
    }

    @Test
    public void builtinArityIsCheckedToo() {
        fails("print len(1, 2)", "main.peb:1: function 'len' expected 1 arguments but got 2");
    }

    @Test
    public void functionWithoutReturnReturnsZero() {
        prints("def noop():\n    pass\nprint noop()", "0");
    }

    @Test
    public void returnWithoutValueReturnsZero() {
        prints("def f():\n    return\nprint f()", "0");
    }

    @Test
    public void assignedNamesAreLocal() {
        prints("""
                x = "global"
                def f():
                    x = "local"
                    return x
                print f()
                print x
                """, "local", "global");
    }

    @Test
    public void readNamesComeFromTheModuleGlobals() {
        prints("""
                LIMIT = 3
                def under(n):
                    return n < LIMIT
                print under(2)
                LIMIT = 1
                print under(2)
                """, "1", "0");
    }

    @Test
    public void localUsedBeforeAssignmentIsUnknown() {
        fails("""
                x = 1
                def f():
                    print x
                    x = 2
                f()
                """, "main.peb:3: unknown variable 'x'");
    }

    @Test
    public void globalDeclarationLetsAFunctionAssignAGlobal() {
        prints("""
                count = 0
                def bump():
                    global count
                    count = count + 1
                bump()
                bump()
                print count
                """, "2");
    }

    @Test
    public void functionsAreValues() {
        prints("""
                def double(x):
                    return x * 2
                def apply(f, v):
                    return f(v)
                g = double
                print apply(g, 21)
                print [double][0](4)
                """, "42", "8");
    }

    @Test
    public void recursion() {
        prints("""
                def fib(n):
                    if n < 2:
                        return n
                    return fib(n - 1) + fib(n - 2)
                print fib(20)
                """, "6765");
    }

    @Test
    public void recursionFiveHundredDeep() {
        prints("""
                def depth(n):
                    if n == 0:
                        return 0
                    return 1 + depth(n - 1)
                print depth(500)
                """, "500");
    }

    @Test
    public void argumentsAreEvaluatedLeftToRight() {
        prints("""
                def show(x):
                    print x
                    return x
                def three(a, b, c):
                    return a + b + c
                print three(show(1), show(2), show(3))
                """, "1", "2", "3", "6");
    }

    @Test
    public void functionDefinedLaterIsFoundAtCallTime() {
        prints("def a():\n    return b()\ndef b():\n    return 5\nprint a()", "5");
    }

    @Test
    public void callingAnUnknownFunction() {
        fails("foo()", "main.peb:1: unknown builtin 'foo'");
    }

    @Test
    public void callingANumberIsAnError() {
        fails("x = 1\nx()", "main.peb:2: 'int' value is not callable");
    }

    // ------------------------------------------------------------ extensions

    @Test
    public void nestedDefClosesOverEnclosingNames() {
        prints("""
                def make_adder(n):
                    def add(x):
                        return x + n
                    return add
                add5 = make_adder(5)
                print add5(10)
                print make_adder(1)(1)
                """, "15", "2");
    }

    @Test
    public void closuresSeeLaterChangesOfTheVariable() {
        prints("""
                def outer():
                    n = 1
                    def get():
                        return n
                    n = 2
                    return get
                print outer()()
                """, "2");
    }

    @Test
    public void eachCallMakesFreshClosureState() {
        prints("""
                def counter():
                    box = [0]
                    def next():
                        box[0] = box[0] + 1
                        return box[0]
                    return next
                a = counter()
                b = counter()
                a()
                a()
                print a()
                print b()
                """, "3", "1");
    }

    @Test
    public void lambdaMakesAFunction() {
        prints("""
                sq = lambda x: x * x
                add = lambda a, b: a + b
                print sq(7)
                print add(2, 3)
                print (lambda: 42)()
                """, "49", "5", "42");
    }

    @Test
    public void lambdaClosesOverItsDefiningScope() {
        prints("""
                def scaler(k):
                    return lambda x: x * k
                print scaler(3)(5)
                """, "15");
    }

    @Test
    public void lambdaArityIsChecked() {
        fails("f = lambda x: x\nf()", "main.peb:2: function '<lambda>' expected 1 arguments but got 0");
    }

    @Test
    public void parameterListsMaySpanLines() {
        prints("""
                def total(a,
                          b,
                          c):
                    return a + b + c
                print total(1, 2, 3)
                """, "6");
    }
}
