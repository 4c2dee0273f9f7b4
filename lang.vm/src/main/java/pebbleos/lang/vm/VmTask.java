package pebbleos.lang.vm;

import java.util.List;

import pebbleos.api.PebbleException;
import pebbleos.api.engine.Outcome;
import pebbleos.api.engine.Task;
import pebbleos.api.process.TaskContext;
import pebbleos.api.value.PList;
import pebbleos.api.value.PNone;
import pebbleos.lang.core.runtime.PModule;
import pebbleos.lang.core.runtime.PebbleError;
import pebbleos.lang.vm.code.Unit;
import pebbleos.lang.vm.machine.Machine;
import pebbleos.lang.vm.machine.VmProcess;
import pebbleos.lang.vm.store.BytecodeFile;
import pebbleos.lang.vm.store.Snapshots;

/**
 * A program, a thread body or a restored snapshot as a kernel {@link Task}.
 * The first step sets the task up (runtime API, compilation); then
 * {@link #step} runs a bounded number of instructions and {@link #run} runs
 * to the end or to a suspension the kernel asked for.
 */
public final class VmTask implements Task {
    /** Sets a task up on its first step; returns an outcome when it ends before running any code. */
    private interface Start {
        Outcome start(VmTask task);
    }

    private final VmEngine engine;
    private final TaskContext ctx;
    private final boolean returnsValue;
    private Start start;
    private Machine machine;
    private Outcome outcome;
    private Object directResult;

    private VmTask(VmEngine engine, TaskContext ctx, boolean returnsValue, Start start, Machine machine) {
        this.engine = engine;
        this.ctx = ctx;
        this.returnsValue = returnsValue;
        this.start = start;
        this.machine = machine;
    }

    /** A program as its process's main thread: a file ({@code source} null) or source text. */
    static VmTask program(VmEngine engine, TaskContext ctx, String path, String source, List<String> argv) {
        // classes, not lambdas: a bundle's lambdas are spun again at every boot (docs/performance.md, fourteenth pass)
        return new VmTask(engine, ctx, false, new ProgramStart(path, source, argv), null);
    }

    /** A thread calling {@code function}. */
    static VmTask thread(VmEngine engine, TaskContext ctx, Object function, PList args) {
        return new VmTask(engine, ctx, true, new ThreadStart(function, args), null);
    }

    /** Starts a program: a file ({@code source} null) or source text. */
    private static final class ProgramStart implements Start {
        private final String path;
        private final String source;
        private final List<String> argv;

        ProgramStart(String path, String source, List<String> argv) {
            this.path = path;
            this.source = source;
            this.argv = argv;
        }

        @Override
        public Outcome start(VmTask task) {
            return task.startProgram(path, source, argv);
        }
    }

    /** Starts a thread calling {@code function} with {@code args}. */
    private static final class ThreadStart implements Start {
        private final Object function;
        private final PList args;

        ThreadStart(Object function, PList args) {
            this.function = function;
            this.args = args;
        }

        @Override
        public Outcome start(VmTask task) {
            return task.startThread(function, args.toArray());
        }
    }

    /** A task restored from a snapshot: its machine is ready to resume. */
    public static VmTask restored(VmEngine engine, TaskContext ctx, Machine machine, boolean returnsValue) {
        return new VmTask(engine, ctx, returnsValue, null, machine);
    }

    @Override
    public Outcome run() {
        while (true) {
            Outcome o = step(Long.MAX_VALUE);
            if (o != null) {
                return o;
            }
        }
    }

    /**
     * Run at most {@code budget} instructions (instructions run by Java-nested
     * calls, such as an import, count as the one that made them). Returns the
     * outcome when the task ended or suspended, null when the budget ran out
     * first and the task can go on.
     */
    public Outcome step(long budget) {
        if (outcome != null) {
            return outcome;
        }
        try {
            if (start != null) {
                Start s = start;
                start = null;
                Outcome early = s.start(this);
                if (early != null) {
                    return outcome = early;
                }
                if (machine == null || directResult != null) {
                    return outcome = Outcome.done(directResult == null ? PNone.NONE : directResult);
                }
            }
            Object r = machine.resume(budget);
            if (r == Machine.OUT_OF_BUDGET) {
                return null;
            }
            if (r == Machine.SUSPENDED) {
                return Outcome.suspended();
            }
            return outcome = Outcome.done(returnsValue ? r : PNone.NONE);
        } catch (PebbleError e) {
            return outcome = Outcome.error(e.report());
        }
    }

    @Override
    public byte[] snapshot() {
        if (machine == null || outcome != null || start != null) {
            throw new IllegalStateException("only a started, unfinished task can be snapshotted");
        }
        return Snapshots.write(machine, returnsValue);
    }

    /** The machine, for tests that look at the VM state. */
    public Machine machine() {
        return machine;
    }

    // ------------------------------------------------------------------ set-up

    private Outcome startProgram(String path, String source, List<String> argv) {
        List<String> args = argv.isEmpty() ? List.of() : argv.subList(1, argv.size());
        VmProcess process = engine.processOf(ctx, args);
        machine = new Machine(ctx, process);
        String display = source != null ? path : display(path, argv);
        if (source == null) {
            process.setProgramFile(path);
        }
        String text = source;
        if (text == null) {
            try {
                text = (String) ctx.syscall("fs_read", path);
            } catch (PebbleException e) {
                return Outcome.error(display + ": " + e.getMessage());
            }
        }
        Unit unit;
        if (BytecodeFile.isBytecode(text)) {
            try {
                unit = BytecodeFile.decode(text);
            } catch (PebbleError e) {
                return Outcome.error(display + ": " + e.getMessage());
            }
        } else {
            unit = engine.cache().compile(display, text);
        }
        PModule main = new PModule("__main__", source != null ? null : path, unit.globals());
        PList list = PList.from(process.arguments());
        main.set("ARGV", list);
        main.set("ARGC", (long) list.size());
        machine.startModule(unit, main);
        return null;
    }

    private Outcome startThread(Object function, Object[] args) {
        VmProcess process = engine.processOf(ctx, List.of());
        machine = new Machine(ctx, process);
        if (!machine.startCall(function, args)) {
            Object r = machine.callDirectly(function, args);
            directResult = r == null ? PNone.NONE : r;
        }
        return null;
    }

    /** How a program is named in its error reports: as the user typed it when that names the file. */
    static String display(String path, List<String> argv) {
        if (!argv.isEmpty()) {
            String typed = argv.get(0);
            if (typed.contains("/") || typed.endsWith(".peb") || typed.endsWith(".pbc")) {
                return typed;
            }
        }
        return path;
    }
}
