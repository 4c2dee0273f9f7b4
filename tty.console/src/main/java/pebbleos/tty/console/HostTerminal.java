package pebbleos.tty.console;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The host side of the console: whether the JVM runs on a terminal, opening
 * it as a JLine system terminal, the settings PebbleOS keeps it in, and
 * where the line history lives.
 */
final class HostTerminal {
    private static final Logger LOG = Logger.getLogger(HostTerminal.class.getName());
    /** System property (or environment variable {@code PEBBLEOS_HISTORY}) naming the history file; empty or {@code none}: no file. */
    static final String HISTORY_PROPERTY = "pebbleos.history";
    /** System property: {@code plain} keeps the console off the terminal even when there is one. */
    static final String MODE_PROPERTY = "pebbleos.console";

    private HostTerminal() {
    }

    /** The host terminal, or {@code null} when the JVM does not run on one. */
    static Terminal open() {
        if ("plain".equals(System.getProperty(MODE_PROPERTY)) || !interactive()) {
            return null;
        }
        Thread self = Thread.currentThread();
        ClassLoader before = self.getContextClassLoader();
        // JLine finds its terminal providers through the context class loader
        self.setContextClassLoader(TerminalBuilder.class.getClassLoader());
        try {
            Terminal t = TerminalBuilder.builder()
                    .name("pebbleos")
                    .system(true)
                    .systemOutput(TerminalBuilder.SystemOutput.SysOut)
                    .providers("jni,exec")
                    .encoding(StandardCharsets.UTF_8)
                    .nativeSignals(true)
                    .dumb(false)
                    .build();
            String type = t.getType();
            if (type == null || type.startsWith(Terminal.TYPE_DUMB)) {
                t.close();
                return null;
            }
            giveASize(t);
            return t;
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "no system terminal: using the plain streams", e);
            return null;
        } finally {
            self.setContextClassLoader(before);
        }
    }

    /**
     * A pseudo-terminal nobody sized reports 0 x 0, and the line editor then
     * draws every prompt as a truncation mark: such a terminal gets the
     * classic 80 x 24 (as {@code stty cols 80 rows 24} would), until the host
     * resizes it.
     */
    static void giveASize(Terminal t) {
        Size s = t.getSize();
        if (s == null || s.getColumns() <= 0 || s.getRows() <= 0) {
            t.setSize(new Size(s != null && s.getColumns() > 0 ? s.getColumns() : 80,
                    s != null && s.getRows() > 0 ? s.getRows() : 24));
        }
    }

    /** True when standard input and output are a terminal. */
    static boolean interactive() {
        java.io.Console c = System.console();
        if (c == null) {
            return false;
        }
        try {
            // Java 22+: System.console() exists even when redirected; isTerminal() tells
            Method m = java.io.Console.class.getMethod("isTerminal");
            return Boolean.TRUE.equals(m.invoke(c));
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    /**
     * What the terminal stays in while PebbleOS runs: raw, with the signal keys
     * off (the console reads ^C, ^Z and F1 itself), output processing on.
     */
    static void enterProgramMode(Terminal terminal) {
        Attributes program = terminal.getAttributes();
        program.setLocalFlags(EnumSet.of(Attributes.LocalFlag.ICANON, Attributes.LocalFlag.ECHO,
                Attributes.LocalFlag.IEXTEN, Attributes.LocalFlag.ISIG), false);
        program.setInputFlags(EnumSet.of(Attributes.InputFlag.IXON, Attributes.InputFlag.ICRNL,
                Attributes.InputFlag.INLCR), false);
        program.setControlChar(Attributes.ControlChar.VMIN, 0);
        program.setControlChar(Attributes.ControlChar.VTIME, 1);
        terminal.setAttributes(program);
    }

    /** The history file: {@value #HISTORY_PROPERTY}, {@code $PEBBLEOS_HISTORY}, else {@code ~/.pebbleos_history}. */
    static Path historyFile() {
        String p = System.getProperty(HISTORY_PROPERTY);
        if (p == null) {
            p = System.getenv("PEBBLEOS_HISTORY");
        }
        if (p != null) {
            return p.isBlank() || p.equals("none") ? null : Path.of(p);
        }
        String home = System.getProperty("user.home");
        return home == null ? null : Path.of(home, ".pebbleos_history");
    }
}
