package pebbleos.lang.core.testing;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import org.junit.Test;

import pebbleos.api.engine.ExecutionEngine;
import pebbleos.api.engine.Outcome;
import pebbleos.api.engine.Task;
import pebbleos.api.process.TaskContext;
import pebbleos.api.value.PList;

/** The fuzz oracle itself: it must see each kind of host-level failure, and accept every clean end. */
public class SandboxTest {
    /** An engine whose program is a Java function of the task context. */
    private static ExecutionEngine engine(Function<TaskContext, Outcome> program) {
        return new ExecutionEngine() {
            @Override
            public String name() {
                return "fake";
            }

            @Override
            public Task load(TaskContext caller, String path, List<String> argv) {
                return loadSource(caller, path, "", argv);
            }

            @Override
            public Task loadSource(TaskContext caller, String name, String source, List<String> argv) {
                return new Task() {
                    @Override
                    public Outcome run() {
                        return program.apply(caller);
                    }

                    @Override
                    public byte[] snapshot() {
                        return new byte[0];
                    }
                };
            }

            @Override
            public Task thread(TaskContext caller, Object function, PList args) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Task restore(TaskContext caller, byte[] snapshot) {
                throw new UnsupportedOperationException();
            }

            @Override
            public byte[] compile(String name, String source) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private static String problem(Function<TaskContext, Outcome> program) {
        return new Sandbox(engine(program), Path.of("."), 1000, 300, 1L << 20).problem("");
    }

    @Test
    public void cleanEndsAreFine() {
        assertNull(problem(ctx -> Outcome.done(null)));
        assertNull(problem(ctx -> Outcome.error("main.peb:3: division by zero")));
        assertNull(problem(ctx -> Outcome.error("main.peb:1: invalid expression at column 9: x\n[1]\n ^")));
    }

    @Test
    public void programKilledByTheSafePointBudgetIsFine() {
        assertNull(problem(ctx -> {
            while (true) {
                if (ctx.attention != 0) {
                    ctx.safePoint();
                }
            }
        }));
    }

    @Test
    public void escapingJavaExceptionIsAProblem() {
        String p = problem(ctx -> {
            throw new NullPointerException("boom");
        });
        assertTrue(p, p.startsWith("host exception escaped the engine: java.lang.NullPointerException: boom"));
    }

    @Test
    public void stackOverflowIsAProblem() {
        String p = problem(ctx -> {
            throw new StackOverflowError();
        });
        assertTrue(p, p.startsWith("host exception escaped the engine: java.lang.StackOverflowError"));
    }

    @Test
    public void unlocatedErrorIsAProblem() {
        assertEquals("error is not FILE:LINE: message: division by zero", problem(ctx -> Outcome.error("division by zero")));
        assertEquals("error is not FILE:LINE: message: main.peb: oops", problem(ctx -> Outcome.error("main.peb: oops")));
    }

    @Test
    public void wrappedJavaFailureIsAProblem() {
        String p = problem(ctx -> Outcome.error("main.peb:2: internal error: java.lang.ClassCastException"));
        assertTrue(p, p.startsWith("a Java failure inside the engine"));
    }

    @Test
    public void javaTextInWhatTheProgramSawIsAProblem() {
        String p = problem(ctx -> {
            ctx.print("caught: java.lang.NullPointerException\n");
            return Outcome.done(null);
        });
        assertTrue(p, p.startsWith("Java text reached the program or its user: 'java.lang.NullPointerException'"));
        p = problem(ctx -> Outcome.error("main.peb:2: IndexOutOfBoundsException"));
        assertTrue(p, p.startsWith("Java text reached the program or its user: 'IndexOutOfBoundsException'"));
        assertNull(problem(ctx -> Outcome.error("main.peb:2: MemoryError: process 1 exceeded its memory limit (1 MB)")));
    }

    @Test
    public void programWithoutSafePointsIsAProblem() {
        String p = problem(ctx -> {
            long x = 0;
            while (!Thread.currentThread().isInterrupted()) {
                x++;
            }
            return Outcome.done(x);
        });
        assertTrue(p, p.startsWith("no safe point reached"));
    }
}
