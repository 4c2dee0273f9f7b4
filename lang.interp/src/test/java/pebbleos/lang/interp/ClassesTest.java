package pebbleos.lang.interp;

import org.junit.Test;

/** PEBBLE.md classes: attributes, methods, bound methods, Class.f(x), __init__, constructor arity. */
public class ClassesTest extends PebbleTest {
    private static final String COUNTER = """
            class Counter:
                STEP = 2
                def __init__(self, start):
                    self.value = start
                def inc(self):
                    self.value = self.value + STEP
                    return self.value
            """;

    @Test
    public void methodSeesClassAttributesByBareName() {
        prints(COUNTER + "print Counter(3).inc()", "5");
    }

    @Test
    public void boundMethodRemembersItsInstance() {
        prints(COUNTER + "c = Counter(3)\nc.inc()\nm = c.inc\nprint m()", "7");
    }

    @Test
    public void classFunctionCalledThroughTheClass() {
        prints("""
                class Math:
                    def twice(x):
                        return x * 2
                print Math.twice(5)
                """, "10");
    }

    @Test
    public void initRunsWithTheConstructorArguments() {
        prints("""
                class Point:
                    def __init__(self, x, y):
                        self.x = x
                        self.y = y
                p = Point(1, 2)
                print p.x + p.y
                """, "3");
    }

    @Test
    public void constructorArityFollowsInit() {
        fails("class P:\n    def __init__(self, x):\n        self.x = x\nP()",
                "main.peb:4: class 'P' expected 1 constructor arguments but got 0");
    }

    @Test
    public void classWithoutInitTakesNoArguments() {
        fails("class C:\n    pass\nC(1)", "main.peb:3: class 'C' expected 0 constructor arguments but got 1");
    }

    @Test
    public void methodArityCountsWithoutSelf() {
        fails(COUNTER + "Counter(1).inc(5)", "main.peb:8: function 'inc' expected 0 arguments but got 1");
    }

    @Test
    public void classAttributesAreSharedInstanceFieldsAreNot() {
        prints("""
                class C:
                    KIND = "c"
                    def __init__(self, n):
                        self.n = n
                a = C(1)
                b = C(2)
                print a.KIND + b.KIND
                print a.n
                print b.n
                """, "cc", "1", "2");
    }

    @Test
    public void instanceFieldShadowsClassAttribute() {
        prints("""
                class C:
                    X = 1
                c = C()
                c.X = 2
                print c.X
                print C.X
                """, "2", "1");
    }

    @Test
    public void methodsCallOtherMethodsThroughSelf() {
        prints("""
                class Greeter:
                    def name(self):
                        return "pebble"
                    def greet(self):
                        return "hi " + self.name()
                print Greeter().greet()
                """, "hi pebble");
    }

    @Test
    public void classNameIsUsableInsideMethods() {
        prints("""
                class Node:
                    def __init__(self, v):
                        self.v = v
                    def child(self):
                        return Node(self.v + 1)
                print Node(1).child().child().v
                """, "3");
    }

    @Test
    public void unknownMembers() {
        fails("class C:\n    pass\nprint C.x", "main.peb:3: class 'C' has no member 'x'");
        fails("class C:\n    pass\nprint C().x", "main.peb:3: instance of 'C' has no member 'x'");
    }

    @Test
    public void callingUnknownMembers() {
        fails("class C:\n    pass\nC.x()", "main.peb:3: class 'C' has no callable member 'x'");
        fails("class C:\n    pass\nC().x()", "main.peb:3: instance of 'C' has no callable member 'x'");
    }

    @Test
    public void callingAFieldThatIsNotAFunction() {
        fails("class C:\n    pass\nc = C()\nc.f = 5\nc.f()", "main.peb:5: instance field 'f' is not callable");
    }

    @Test
    public void attributeOnANumber() {
        fails("x = 5\nprint x.a", "main.peb:2: attribute access requires a module, class, or instance");
        fails("x = 5\nx.a()", "main.peb:2: attribute calls require a module, class, or instance");
        fails("x = 5\nx.a = 1", "main.peb:2: attribute assignment requires a module, class, or instance");
    }

    @Test
    public void instancesOfOneClassAreIndependent() {
        prints(COUNTER + "a = Counter(0)\nb = Counter(10)\na.inc()\nprint a.value\nprint b.value", "2", "10");
    }

    @Test
    public void fieldHoldingAFunctionIsCalledWithoutSelf() {
        prints("""
                def hello():
                    return "hello"
                class C:
                    pass
                c = C()
                c.f = hello
                print c.f()
                """, "hello");
    }

    @Test
    public void errorInsideAMethodNamesTheMethodsLine() {
        fails("""
                class C:
                    def bad(self):
                        return 1 / 0
                C().bad()
                """, "main.peb:3: division by zero");
    }

    @Test
    public void inheritanceFindsBaseMethods() {
        prints("""
                class Animal:
                    def speak(self):
                        return "..." + self.sound()
                class Dog(Animal):
                    def sound(self):
                        return "woof"
                print Dog().speak()
                """, "...woof");
    }
}
