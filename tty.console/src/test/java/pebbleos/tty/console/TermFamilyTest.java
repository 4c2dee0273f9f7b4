package pebbleos.tty.console;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import pebbleos.api.syscall.Syscall;
import pebbleos.api.value.PDict;
import pebbleos.api.value.PList;
import pebbleos.api.value.PNone;

/** The term family on a console without a terminal, as in pipes and CI. */
public class TermFamilyTest {
    private final JLineConsole console = new JLineConsole();
    private final FakeProcesses table = new FakeProcesses();
    private final TermFamily family = new TermFamily(console);
    private final FakeTask task = new FakeTask(3, 3);
    private Map<String, Syscall> calls;

    @Before
    public void noTerminal() {
        table.groups.add(3);
        table.foreground = 3;
        console.setProcesses(table.service());
        console.start(null, null);
        calls = family.syscalls().stream().collect(Collectors.toMap(Syscall::name, s -> s));
    }

    @After
    public void stop() {
        console.stop();
    }

    private Object call(String name, Object... args) {
        return calls.get(name).handler().call(task, args);
    }

    @Test
    public void theFamilyHasTheDocumentedCalls() {
        assertEquals("term", family.name());
        for (String name : List.of("term_write", "term_flush", "term_clear", "term_move", "term_hide_cursor",
                "term_show_cursor", "term_read_key", "term_read_key_timeout", "term_rows", "term_cols",
                "term_owner_pgid", "term_mode", "term_state", "term_take_detach", "term_line_options",
                "term_isatty", "term_pending_keys")) {
            assertTrue(name, calls.containsKey(name));
        }
        for (Syscall s : family.syscalls()) {
            assertTrue(s.name(), s.name().startsWith("term_"));
            assertFalse(s.name(), s.doc().isEmpty());
        }
    }

    @Test
    public void keyReadsReportEndOfInputAtOnce() {
        long start = System.nanoTime();
        assertEquals(PNone.NONE, call("term_read_key"));
        assertEquals(PNone.NONE, call("term_read_key_timeout", 5000L));
        assertTrue((System.nanoTime() - start) / 1_000_000 < 4000); // a wait would take 5 s
    }

    @Test
    public void theStateOfAConsoleWithoutTerminal() {
        PDict state = (PDict) call("term_state");
        assertEquals(3L, state.get("owner_pgid"));
        assertEquals("cooked", state.get("mode"));
        assertEquals(0L, state.get("interactive"));
        assertEquals(0L, state.get("foreground_raw"));
        assertTrue((Long) state.get("rows") > 0);
        assertTrue((Long) state.get("cols") > 0);
        assertEquals(0L, call("term_isatty"));
        assertEquals("cooked", call("term_mode"));
        assertEquals(3L, call("term_owner_pgid"));
    }

    @Test
    public void drawingWithoutTerminalWritesNothingAndSucceeds() {
        assertEquals(0L, call("term_clear"));
        assertEquals(0L, call("term_move", 3L, 4L));
        assertEquals(0L, call("term_hide_cursor"));
        assertEquals(0L, call("term_show_cursor"));
        assertEquals(0L, call("term_flush"));
    }

    @Test
    public void lineOptionsArePerProcessAndReturnThePreviousOnes() {
        PDict before = (PDict) call("term_line_options", PDict.of("history", 1L, "commands", PList.of("cd", "help")));
        assertEquals(0L, before.get("history"));
        assertEquals(PList.of(), before.get("commands"));
        PDict now = (PDict) call("term_line_options", PDict.of("history", 0L));
        assertEquals(1L, now.get("history"));
        assertEquals(PList.of("cd", "help"), now.get("commands"));
        assertEquals(List.of("cd", "help"), console.lineOptions(3).commands());
        assertFalse(console.lineOptions(3).history());
        assertFalse(console.lineOptions(4).history());
    }

    @Test
    public void aDetachRequestIsOnlyForTheGroupThatWasDetached() {
        assertEquals(0L, call("term_take_detach", 3L));
    }

    @Test
    public void aPlainConsoleIsNoTerminal() {
        assertFalse(console.isTerminal());
        assertEquals(null, console.readKey(100));
        assertFalse(console.channel(pebbleos.api.console.Console.STDIN).isTerminal());
        assertEquals("/dev/tty", console.channel(pebbleos.api.console.Console.TTY).describe());
    }
}
