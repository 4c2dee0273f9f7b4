package pebbleos.lang.core.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import pebbleos.api.PebbleException;
import pebbleos.api.value.PList;
import pebbleos.api.value.PNone;
import pebbleos.lang.core.builtins.BuiltinModules;
import pebbleos.lang.core.builtins.Builtins;
import pebbleos.lang.core.syntax.Parser;
import pebbleos.lang.core.syntax.Program;
import pebbleos.lang.core.syntax.Stmt;

/**
 * What one Pebble process's running code shares, whatever engine runs it:
 * the arguments, the module cache (a module runs once per process), the
 * runtime API module ({@code system/runtime.peb}), the random generator and
 * the last errno. Engines subclass it to compile and run modules.
 *
 * <p>Name lookup order for a global the module has not assigned: the
 * builtins, the runtime API (loaded then), then the compatibility personality.
 */
public abstract class ProcessRuntime {
    /** Where the runtime API lives. */
    public static final String RUNTIME_PATH = "/system/runtime.peb";

    private final List<String> arguments;
    private final Map<String, PModule> modules = new HashMap<>();
    private final Set<String> loading = new HashSet<>();
    private PModule runtime;
    private boolean runtimeTried;
    /** The folder of the program's file, or null (a program given as source text). */
    private String programDirectory;
    /** Where the system's library modules live; searched last. */
    public static final String LIBRARY_DIRECTORY = "/system/lib";
    /** The compatibility personality: the original PebbleOS's runtime surface (docs/compat.md). */
    public static final String PERSONALITY_PATH = "/system/lib/compat.peb";
    /** The personality's list of the original's names this system does not serve. */
    static final String UNSUPPORTED_LIST = "_UNSUPPORTED";
    private PModule personality;
    private boolean personalityTried;
    /** The module {@code eval_line} runs in, made on first use. */
    private PModule repl;
    private static final String REPL_FILE = "<stdin>";
    private static final String REPL_VALUE = "__eval_value__";
    /** The state of the {@code random} module's generator. */
    public long randomState = 1;
    private volatile int lastErrno;

    protected ProcessRuntime(List<String> arguments) {
        this.arguments = List.copyOf(arguments);
    }

    /** The program's arguments after its name ({@code ARGV}). */
    public List<String> arguments() {
        return arguments;
    }

    public int lastErrno() {
        return lastErrno;
    }

    public void setLastErrno(int errno) {
        lastErrno = errno;
    }

    /** The runtime API module as far as it is loaded: null before its first use, or when the image has none. */
    public PModule runtime() {
        return runtime;
    }

    /** A function of the runtime API, or {@code null}. */
    public Object runtimeFunction(Interop rt, String name) {
        PModule m = runtime(rt);
        return m == null ? null : m.get(name);
    }

    /**
     * The value of a global the module has not assigned: a builtin's, then
     * the runtime API's, then the compatibility personality's (the original
     * PebbleOS's launch globals and host names, {@link #PERSONALITY_PATH});
     * null when none has it. A name the personality lists as unsupported is
     * the error {@code name 'X' is not supported on this system (original
     * PebbleOS runtime)} instead. Builtins come first so that a program
     * calling only them ({@code len}, {@code str}) never loads the runtime
     * API (the runtime API defines no builtin's name; a test checks it). The
     * personality is loaded the first time a name misses the builtins and
     * the runtime API, so a program written for this system, whose names all
     * resolve, never loads it.
     */
    public Object fallback(Interop rt, String name) {
        Object builtin = Builtins.get(name);
        if (builtin != null) {
            return builtin;
        }
        PModule api = runtime(rt);
        if (api != null) {
            Object v = api.get(name);
            if (v != null) {
                return v;
            }
        }
        if (name.startsWith("_")) {
            return null;
        }
        PModule compat = personality(rt);
        if (compat == null) {
            return null;
        }
        Object v = compat.get(name);
        if (v == null && compat.get(UNSUPPORTED_LIST) instanceof PList unsupported) {
            for (Object listed : unsupported) {
                if (name.equals(listed)) {
                    throw new PebbleError("name '" + name + "' is not supported on this system (original PebbleOS runtime)");
                }
            }
        }
        return v;
    }

    /**
     * The compatibility personality, loaded on first use; null when the image
     * has none or it cannot load (a sandbox without the kernel modules it
     * imports): the name that asked is then unknown as it would be without
     * it, rather than reported as the personality's own failure.
     */
    private synchronized PModule personality(Interop rt) {
        if (personality != null || personalityTried) {
            return personality;
        }
        personalityTried = true;
        if (!isFile(rt, PERSONALITY_PATH)) {
            return null;
        }
        PModule m;
        try {
            SystemModule loaded = systemModule(rt, PERSONALITY_PATH, "compat");
            m = loaded.module();
            PList argv = PList.from(arguments);
            m.set("ARGV", argv);
            m.set("ARGC", (long) argv.size());
            runDetached(rt, loaded.code(), m);
        } catch (PebbleError | PebbleException e) {
            return null;
        }
        modules.put(PERSONALITY_PATH, m);
        personality = m;
        return m;
    }

    /**
     * The loaded modules by cache key (a file path, or {@code "name:"} and a
     * dotted name), live: an engine that saves a process's state (the VM's
     * snapshots) reads and refills it.
     */
    protected final Map<String, PModule> loadedModules() {
        return modules;
    }

    /** Make {@code module} the runtime API again, when an engine restores a saved process. */
    protected final void restoreRuntime(PModule module) {
        runtime = module;
    }

    /** Compile a module's source (engines cache by content); syntax errors are raised. */
    protected abstract CompiledModule compile(String file, String source);

    /** Run a module's top-level code with {@code module} as its globals. */
    protected abstract void run(Interop rt, CompiledModule code, PModule module);

    /**
     * Run a module's top-level code from the middle of an instruction (a name
     * lookup), leaving the running thread's own state alone; by default as
     * {@link #run}.
     */
    protected void runDetached(Interop rt, CompiledModule code, PModule module) {
        run(rt, code, module);
    }

    /**
     * The runtime API ({@code system/runtime.peb}), loaded the first time a
     * program's name misses its own globals or a builtin module asks for it:
     * a program that never uses it (most computations) does not pay for
     * reading, compiling and running it at every launch (a first {@code run}
     * parsed it in a cold JVM for ~25 ms). It only defines functions, so when
     * it loads is not visible to the program. Null when the image has none.
     */
    private synchronized PModule runtime(Interop rt) {
        if (runtime != null || runtimeTried) {
            return runtime;
        }
        runtimeTried = true;
        if (!isFile(rt, RUNTIME_PATH)) {
            return null;
        }
        SystemModule loaded = systemModule(rt, RUNTIME_PATH, "runtime");
        PModule m = loaded.module();
        modules.put(RUNTIME_PATH, m);
        runtime = m; // before it runs: a lookup from its own code finds it
        runDetached(rt, loaded.code(), m);
        return m;
    }

    /** A /system module's code and its module, transparent (an error inside is reported at the caller's line), not yet run. */
    private record SystemModule(CompiledModule code, PModule module) {
    }

    private SystemModule systemModule(Interop rt, String path, String name) {
        CompiledModule program = compile(path, read(rt, path));
        PModule m = new PModule(name, path, program.globals());
        m.transparent = true;
        return new SystemModule(program, m);
    }

    /**
     * {@code import a.b.c}: the module {@code a.b.c}, loading it (and namespace
     * modules for {@code a} and {@code a.b}) on first use. Files are searched
     * on the program's one search path (see {@link #searchPath}), whichever
     * file imports; a file found outside the program's folder and
     * {@code /system} must belong to the process's effective user or to root,
     * and a {@link pebbleos.api.process.ProcessView#secure() secure} process
     * takes only files under {@code /system}.
     */
    public PModule importModule(Interop rt, String dotted) {
        PModule cached = modules.get("name:" + dotted);
        if (cached != null) {
            return cached;
        }
        if (BuiltinModules.NAMES.contains(dotted)) {
            PModule m = BuiltinModules.create(dotted);
            modules.put("name:" + dotted, m);
            return m;
        }
        String relative = dotted.replace('.', '/') + ".peb";
        String path = find(rt, relative);
        if (path == null) {
            throw new PebbleError("unknown module '" + dotted + "'");
        }
        if (loading.contains(path)) {
            // the module is still running its top level: it (indirectly) imports itself
            throw new PebbleError("circular import for module '" + dotted + "'");
        }
        PModule m = modules.get(path);
        if (m == null) {
            loading.add(path);
            try {
                CompiledModule program = compile(display(rt, path), read(rt, path));
                m = new PModule(dotted, path, program.globals());
                m.transparent = path.startsWith("/system/") && !path.startsWith("/system/bin/");
                run(rt, program, m);
                // cached once its top level has run: a failed import can be retried
                modules.put(path, m);
            } finally {
                loading.remove(path);
            }
        }
        modules.put("name:" + dotted, m);
        linkParents(rt, dotted, m);
        return m;
    }

    /**
     * Run {@code source} as a new module named {@code name} in this process
     * (the {@code load_module} builtin: how {@code boot()} starts the shell
     * from the source the bootloader injected).
     */
    public PModule loadSource(Interop rt, String name, String source) {
        CompiledModule program = compile(name, source);
        PModule m = new PModule(name, name.startsWith("/") ? name : null, program.globals());
        m.transparent = false;
        run(rt, program, m);
        return m;
    }

    /**
     * The {@code eval_line} builtin: compile and run {@code source} in this
     * process's persistent REPL module, so that names defined by one call are
     * seen by the next (functions defined earlier see later assignments: each
     * line is compiled against the module's slot layout, see
     * {@link Program#PINNED_GLOBALS}). Returns the value of a source that is
     * a lone expression, else {@code None}. Errors propagate as for any code.
     */
    public Object evalLine(Interop rt, String source) {
        if (repl == null) {
            repl = new PModule("__main__", null, List.of());
            PList argv = PList.from(arguments);
            repl.set("ARGV", argv);
            repl.set("ARGC", (long) argv.size());
        }
        List<Stmt> body = Parser.parse(REPL_FILE, source);
        boolean lone = body.size() == 1 && body.get(0) instanceof Stmt.Expression;
        String text = lone ? REPL_VALUE + " = " + source.stripLeading() : source;
        List<String> layout = repl.slotNames();
        CompiledModule code = compile(REPL_FILE, text + "\n" + Program.PINNED_GLOBALS + " " + String.join(" ", layout));
        List<String> globals = code.globals();
        if (globals.size() < layout.size() || !globals.subList(0, layout.size()).equals(layout)) {
            throw new PebbleError("eval_line: the engine did not keep the module's slot layout");
        }
        for (String name : globals) {
            repl.slotOf(name);
        }
        run(rt, code, repl);
        if (!lone) {
            return PNone.NONE;
        }
        Object value = repl.get(REPL_VALUE);
        repl.set(REPL_VALUE, null);
        return value == null ? PNone.NONE : value;
    }

    /** {@code import a.b} binds {@code a}: make {@code a} a module with member {@code b}. */
    private void linkParents(Interop rt, String dotted, PModule leaf) {
        int dot = dotted.lastIndexOf('.');
        if (dot < 0) {
            return;
        }
        String parentName = dotted.substring(0, dot);
        PModule parent = modules.get("name:" + parentName);
        if (parent == null) {
            String path = find(rt, parentName.replace('.', '/') + ".peb");
            parent = path != null ? importModule(rt, parentName) : new PModule(parentName, null, List.of());
            modules.put("name:" + parentName, parent);
            linkParents(rt, parentName, parent);
        }
        parent.set(dotted.substring(dot + 1), leaf);
    }

    /** The outermost module of a dotted import ({@code a} for {@code a.b.c}). */
    public PModule root(String dotted) {
        int dot = dotted.indexOf('.');
        return modules.get("name:" + (dot < 0 ? dotted : dotted.substring(0, dot)));
    }

    /**
     * Where {@code import} looks, in order, the same for every importing file
     * (as Python's {@code sys.path}): the program's own folder, the current
     * directory, the root (so {@code system.lib.numpy} is
     * {@code /system/lib/numpy.peb}), then {@code /system/lib} for bare
     * library names ({@code import numpy}). A program's own modules come
     * first, so that it can ship a module of any name; the system's library
     * comes last, so that a bare name never hides a file beside the program.
     */
    public List<String> searchPath(Interop rt) {
        String cwd = rt.ctx().process().cwd();
        List<String> dirs = new ArrayList<>(4);
        for (String dir : new String[] {programDirectory, cwd, "/", LIBRARY_DIRECTORY}) {
            if (dir != null && !dirs.contains(dir)) {
                dirs.add(dir);
            }
        }
        return dirs;
    }

    /** Record the file of the program this process runs (its folder heads the search path). */
    public void setProgramFile(String path) {
        if (path == null || !path.startsWith("/")) {
            return;
        }
        int slash = path.lastIndexOf('/');
        programDirectory = slash <= 0 ? "/" : path.substring(0, slash);
    }

    private String find(Interop rt, String relative) {
        // a set-user-id program runs with more privilege than its invoker: modules only from /system
        boolean secure = rt.ctx().process().secure();
        for (String dir : searchPath(rt)) {
            String candidate = (dir.endsWith("/") ? dir : dir + "/") + relative;
            boolean system = candidate.startsWith("/system/");
            if (secure && !system) {
                continue;
            }
            if (isFile(rt, candidate) && (dir.equals(programDirectory) || system || ownedByCallerOrRoot(rt, candidate))) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * True when {@code path} belongs to the process's effective user or to
     * root: a module found through the working directory or {@code /} must,
     * or anyone who can write there could run code as whoever imports from
     * there (root in {@code /tmp}, say). The program's own folder is the
     * program's choice and needs no such check.
     */
    private static boolean ownedByCallerOrRoot(Interop rt, String path) {
        try {
            Object stat = rt.ctx().syscall("fs_stat", path);
            Object uid = stat instanceof pebbleos.api.value.PDict d ? d.get("uid") : null;
            long owner = uid instanceof Long l ? l : -1;
            return owner == 0 || owner == rt.ctx().process().credentials().euid();
        } catch (PebbleException e) {
            return false;
        }
    }

    /** How a module file is named in error reports: relative to the working directory when inside it. */
    private static String display(Interop rt, String path) {
        String cwd = rt.ctx().process().cwd();
        String prefix = cwd.endsWith("/") ? cwd : cwd + "/";
        return path.startsWith(prefix) ? path.substring(prefix.length()) : path;
    }

    private static boolean isFile(Interop rt, String path) {
        try {
            return "file".equals(rt.ctx().syscall("fs_kind", path));
        } catch (PebbleException e) {
            return false;
        }
    }

    private static String read(Interop rt, String path) {
        try {
            return (String) rt.ctx().syscall("fs_read", path);
        } catch (PebbleException e) {
            throw new PebbleError(e.getMessage());
        }
    }
}
