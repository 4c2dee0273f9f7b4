package pebbleos.lang.interp;

import java.util.List;

import pebbleos.api.PebbleException;
import pebbleos.api.engine.Outcome;
import pebbleos.api.engine.Task;
import pebbleos.api.process.TaskContext;
import pebbleos.api.value.PList;
import pebbleos.api.value.PNone;
import pebbleos.lang.core.runtime.PModule;
import pebbleos.lang.core.runtime.PebbleError;

/** The tasks the interpreter runs: a program's main thread, and a thread calling a function. */
final class Programs {
    private Programs() {
    }

    /** How a program is named in its error reports: as the user typed it when that names the file. */
    static String display(String path, List<String> argv) {
        if (!argv.isEmpty()) {
            String typed = argv.get(0);
            if (typed.contains("/") || typed.endsWith(".peb")) {
                return typed;
            }
        }
        return path;
    }

    /** A program (from a file, or from source text) as the main thread of its process. */
    static final class Main implements Task {
        private final TreeCache cache;
        private final TaskContext ctx;
        private final String path;
        private final String source;
        private final List<String> argv;

        Main(TreeCache cache, TaskContext ctx, String path, String source, List<String> argv) {
            this.cache = cache;
            this.ctx = ctx;
            this.path = path;
            this.source = source;
            this.argv = argv;
        }

        @Override
        public Outcome run() {
            List<String> args = argv.isEmpty() ? List.of() : argv.subList(1, argv.size());
            InterpProcess process = InterpreterEngine.processOf(ctx, args, cache);
            InterpThread thread = new InterpThread(ctx, process);
            String display = source != null ? path : display(path, argv);
            if (source == null) {
                process.setProgramFile(path);
            }
            try {
                String text = source;
                if (text == null) {
                    try {
                        text = (String) ctx.syscall("fs_read", path);
                    } catch (PebbleException e) {
                        return Outcome.error(display + ": " + e.getMessage());
                    }
                }
                CompiledCode code = cache.compile(display, text);
                PModule main = new PModule("__main__", source != null ? null : path, code.globals());
                PList list = PList.from(args);
                main.set("ARGV", list);
                main.set("ARGC", (long) list.size());
                process.run(thread, code, main);
                return Outcome.done(PNone.NONE);
            } catch (PebbleError e) {
                return InterpreterEngine.failed(e);
            }
        }

        @Override
        public byte[] snapshot() {
            throw new UnsupportedOperationException("the interpreter does not snapshot");
        }
    }

    /** A thread of an existing process that calls a function value. */
    static final class ThreadCall implements Task {
        private final TreeCache cache;
        private final TaskContext ctx;
        private final Object function;
        private final PList args;

        ThreadCall(TreeCache cache, TaskContext ctx, Object function, PList args) {
            this.cache = cache;
            this.ctx = ctx;
            this.function = function;
            this.args = args;
        }

        @Override
        public Outcome run() {
            InterpProcess process = InterpreterEngine.processOf(ctx, List.of(), cache);
            InterpThread thread = new InterpThread(ctx, process);
            try {
                Object result = thread.call(function, args.toArray());
                return Outcome.done(result);
            } catch (PebbleError e) {
                return InterpreterEngine.failed(e);
            }
        }

        @Override
        public byte[] snapshot() {
            throw new UnsupportedOperationException("the interpreter does not snapshot");
        }
    }
}
