package pebbleos.gogo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.process.TaskContext;
import pebbleos.api.syscall.Args;
import pebbleos.api.syscall.ProvidesFamily;
import pebbleos.api.syscall.Syscall;
import pebbleos.api.syscall.SyscallFamily;
import pebbleos.api.value.PList;

/**
 * The {@code gogo} family: the Pebble shell runs Gogo command lines
 * ({@code gogo_run("lb")}) and gets what they print and return. A line runs
 * in a Gogo session of its own, or in one opened with {@code gogo_open} and
 * kept until {@code gogo_close}, so that the {@code gogo} console's variables
 * and closures live from one line to the next. Like the commands the other
 * way, the family exists only while the bridge is enabled; without it the
 * Pebble {@code gogo} command says so. Only
 * root may: Gogo commands control the whole framework.
 */
@ProvidesFamily("gogo")
@Component(service = SyscallFamily.class, configurationPid = "pebbleos.gogo",
        configurationPolicy = ConfigurationPolicy.REQUIRE, property = SyscallFamily.FAMILY + "=gogo")
public final class GogoFamily implements SyscallFamily {
    /** Sessions a console may keep open at once; the oldest goes first. */
    static final int MAX_SESSIONS = 16;

    @Reference
    private CommandProcessor processor;

    private BundleContext context;
    private final AtomicLong nextSession = new AtomicLong(1);
    private final Map<Long, CommandSession> sessions = new LinkedHashMap<>();
    /** Where each open session's output goes: the bytes of the line it runs now. */
    private final Map<CommandSession, SwitchedOutput> outputs = new java.util.IdentityHashMap<>();

    @Activate
    void activate(BundleContext bundleContext) {
        this.context = bundleContext;
    }

    @Deactivate
    synchronized void deactivate() {
        sessions.values().forEach(CommandSession::close);
        sessions.clear();
        outputs.clear();
    }

    @Override
    public String name() {
        return "gogo";
    }

    @Override
    public List<Syscall> syscalls() {
        return List.of(
                new Syscall("gogo_run", "line[, session]",
                        "run a Gogo command line (in a new session, or in one gogo_open made); what it printed and "
                                + "returned", this::run),
                new Syscall("gogo_open", "", "open a Gogo session that keeps its variables; its number",
                        (c, a) -> {
                            requireRoot(c, "gogo_open");
                            return open();
                        }),
                new Syscall("gogo_close", "session", "close a session gogo_open made", this::close),
                new Syscall("gogo_commands", "", "the Gogo commands there are, as scope:name and name, sorted",
                        (c, a) -> commands()));
    }

    /** Gogo commands control the framework itself (install, stop, pebble:sh as process 1's child): root's. */
    private static void requireRoot(TaskContext caller, String call) {
        if (!caller.process().credentials().root()) {
            throw new PebbleException(Errno.PERM, call + ": operation not permitted (root only: try sudo)");
        }
    }

    private synchronized Object open() {
        if (sessions.size() >= MAX_SESSIONS) {
            Long oldest = sessions.keySet().iterator().next();
            CommandSession s = sessions.remove(oldest);
            outputs.remove(s);
            s.close();
        }
        long id = nextSession.getAndIncrement();
        SwitchedOutput output = new SwitchedOutput();
        PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
        CommandSession s = processor.createSession(new ByteArrayInputStream(new byte[0]), out, out);
        sessions.put(id, s);
        outputs.put(s, output);
        return id;
    }

    private synchronized Object close(TaskContext caller, Object[] values) {
        CommandSession s = sessions.remove(Args.of("gogo_close", values, 1, 1).integer(0));
        if (s != null) {
            outputs.remove(s);
            s.close();
        }
        return 0L;
    }

    private synchronized CommandSession session(long id) {
        CommandSession s = sessions.get(id);
        if (s == null) {
            throw new PebbleException(Errno.NOENT, "no Gogo session " + id);
        }
        return s;
    }

    private Object run(TaskContext caller, Object[] values) {
        Args args = Args.of("gogo_run", values, 1, 2);
        String line = args.string(0);
        requireRoot(caller, "gogo_run");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        boolean own = !args.has(1);
        CommandSession session = own ? processor.createSession(new ByteArrayInputStream(new byte[0]), out, out)
                : session(args.integer(1));
        SwitchedOutput output = own ? null : output(session);
        if (output != null) {
            output.to(bytes);
        }
        try {
            Object result = caller.blocking("running", () -> execute(session, line));
            if (result != null) {
                CharSequence text = result instanceof CharSequence cs ? cs : session.format(result, Converter.INSPECT);
                out.print(text);
                if (text.length() > 0 && text.charAt(text.length() - 1) != '\n') {
                    out.println();
                }
            }
        } finally {
            if (own) {
                session.close();
            } else if (output != null) {
                output.to(null);
            }
        }
        out.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private synchronized SwitchedOutput output(CommandSession session) {
        return outputs.get(session);
    }

    private static Object execute(CommandSession session, String line) {
        try {
            return session.execute(line);
        } catch (Exception e) {
            throw new PebbleException(Errno.INVAL, message(e));
        }
    }

    /** The output of a kept session: what it prints goes to the line being run, nowhere between lines. */
    static final class SwitchedOutput extends java.io.OutputStream {
        private volatile java.io.OutputStream target;

        void to(java.io.OutputStream next) {
            target = next;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            java.io.OutputStream t = target;
            if (t != null) {
                t.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            java.io.OutputStream t = target;
            if (t != null) {
                t.write(b, off, len);
            }
        }
    }

    /** An error of a Gogo line as one clear line: no "null", no class names when there is a message. */
    static String message(Throwable e) {
        Throwable t = e;
        while (t.getMessage() == null && t.getCause() != null) {
            t = t.getCause();
        }
        String text = t.getMessage();
        if (text == null || text.isBlank()) {
            text = t.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
        }
        if (text.startsWith("Command not found: ")) {
            text = text.substring("Command not found: ".length()) + ": command not found";
        }
        return text.lines().findFirst().orElse("").strip();
    }

    private Object commands() {
        TreeSet<String> names = new TreeSet<>();
        try {
            for (ServiceReference<?> ref : context.getServiceReferences((String) null, "(osgi.command.scope=*)")) {
                String scope = String.valueOf(ref.getProperty("osgi.command.scope"));
                for (String f : functions(ref.getProperty("osgi.command.function"))) {
                    names.add(scope + ":" + f);
                    names.add(f);
                }
            }
        } catch (InvalidSyntaxException | NullPointerException e) {
            // no command services: no names
        }
        return PList.from(new ArrayList<>(names));
    }

    private static List<String> functions(Object property) {
        List<String> out = new ArrayList<>();
        if (property instanceof String s) {
            out.add(s);
        } else if (property instanceof String[] a) {
            out.addAll(List.of(a));
        }
        return out;
    }
}
