package pebbleos.tty.console;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;

/**
 * The console on a JLine terminal over streams (what a terminal emulator
 * would send and show), with a fake process table: key routing, job-control
 * keys, line editing, typeahead, history, size changes.
 */
public class JLineConsoleTest {
    /** Keys typed; read by the terminal's own input thread. */
    static final class Keyboard extends InputStream {
        private final LinkedBlockingQueue<Integer> bytes = new LinkedBlockingQueue<>();

        void type(String text) {
            for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
                bytes.add(b & 0xff);
            }
        }

        void close(boolean ignored) {
            bytes.add(-1);
        }

        @Override
        public int read() throws IOException {
            try {
                int b = bytes.take();
                if (b < 0) {
                    bytes.add(-1);
                }
                return b;
            } catch (InterruptedException e) {
                throw new java.io.InterruptedIOException();
            }
        }

        @Override
        public int available() {
            return bytes.size();
        }
    }

    private final Keyboard keyboard = new Keyboard();
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final FakeProcesses table = new FakeProcesses();
    private final JLineConsole console = new JLineConsole();
    private Terminal terminal;
    private Path history;

    @Before
    public void aTerminal() throws IOException {
        terminal = TerminalBuilder.builder().name("test").system(false).streams(keyboard, screen)
                .type("xterm").size(new Size(80, 24)).encoding(StandardCharsets.UTF_8).build();
        history = Files.createTempFile("pebbleos-history", "");
        table.groups.add(1);
        table.groups.add(5);
        table.foreground = 1;
        console.setProcesses(table.service());
        console.start(terminal, history);
    }

    @After
    public void close() throws IOException {
        keyboard.close(true);
        console.stop();
        Files.deleteIfExists(history);
    }

    @Test
    public void anUnsizedTerminalGetsEightyByTwentyFour() throws IOException {
        try (Terminal unsized = TerminalBuilder.builder().name("unsized").system(false)
                .streams(InputStream.nullInputStream(), new ByteArrayOutputStream()).type("xterm")
                .size(new Size(0, 0)).build()) {
            HostTerminal.giveASize(unsized);
            assertEquals(new Size(80, 24), unsized.getSize());
        }
        try (Terminal narrow = TerminalBuilder.builder().name("narrow").system(false)
                .streams(InputStream.nullInputStream(), new ByteArrayOutputStream()).type("xterm")
                .size(new Size(40, 0)).build()) {
            HostTerminal.giveASize(narrow);
            assertEquals(new Size(40, 24), narrow.getSize());
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                fail("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }

    /** Run on a thread of its own (a pool thread may carry an interrupt from an earlier test). */
    private static <T> CompletableFuture<T> async(java.util.function.Supplier<T> body) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                f.complete(body.get());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        t.setDaemon(true);
        t.start();
        return f;
    }

    private String screenText() {
        return screen.toString(StandardCharsets.UTF_8);
    }

    @Test
    public void keysTypedWhileAProgramRunsWaitForItsGroup() throws Exception {
        table.foreground = 5;
        keyboard.type("ab\033[A\033OP");
        await("the detach key", () -> table.signals().contains("5:SIGTSTP"));
        assertEquals("a", console.takeKey(5, 1000));
        assertEquals("b", console.takeKey(5, 1000));
        assertEquals("UP", console.takeKey(5, 1000));
        assertEquals("", console.takeKey(5, 20));
        assertTrue(console.isTerminal());
        assertEquals("raw", console.mode());
        assertTrue(console.takeDetach(5));
    }

    @Test
    public void ctrlCInterruptsTheForegroundGroupAndIsEchoed() throws Exception {
        table.foreground = 5;
        keyboard.type("\u0003");
        await("SIGINT", () -> table.signals().contains("5:SIGINT"));
        await("the echo", () -> screenText().contains("^C"));
        assertEquals(0, console.pendingKeys(5));
    }

    @Test
    public void aGroupLeavingTheForegroundStopsReadingKeys() throws Exception {
        table.foreground = 1;
        try {
            console.takeKey(5, 1000);
            fail("a background group read a key");
        } catch (KeyQueues.LostTerminal expected) {
            assertEquals("cooked", console.mode());
        }
    }

    @Test
    public void theTerminalComingBackAsksForARedraw() throws Exception {
        table.foreground = 5;
        await("the watcher", () -> console.watchedForeground() == 5);
        assertEquals("", console.takeKey(5, 10));
        table.foreground = 1; // stopped: the shell has the terminal
        await("the watcher", () -> console.watchedForeground() == 1);
        table.foreground = 5; // fg
        assertEquals("REDRAW", console.takeKey(5, 2000));
    }

    @Test
    public void theAlternateScreenIsGivenBackWhenItsProgramLosesTheTerminal() throws Exception {
        table.foreground = 5;
        console.altScreen(5, true);
        assertEquals(5, console.altScreenOwner());
        await("the switch", () -> screenText().contains(JLineConsole.ENTER_ALT_SCREEN));
        byte[] own = "a frame".getBytes(StandardCharsets.UTF_8);
        console.writeStream(false, own, 0, own.length); // its own output keeps its screen
        assertEquals(5, console.altScreenOwner());
        // ^Z: the shell owns the terminal and says so; its text goes to its own screen
        table.foreground = 1;
        byte[] stopped = "[1]+  Stopped\n".getBytes(StandardCharsets.UTF_8);
        console.writeStream(true, stopped, 0, stopped.length);
        assertEquals(0, console.altScreenOwner());
        await("the shell's screen", () -> screenText().contains(JLineConsole.LEAVE_ALT_SCREEN));
        assertFalse("a program stopped or in the background draws nothing", console.mayDraw(5));
        assertTrue(console.mayDraw(1));
        // fg: its screen again, cleared, before it draws
        table.foreground = 5;
        assertTrue(console.mayDraw(5));
        assertEquals(5, console.altScreenOwner());
        await("the switch back", () -> screenText().contains(JLineConsole.ENTER_ALT_SCREEN + JLineConsole.CLEAR));
        // it ends without switching back (^C): the console switches back when the shell reads a line
        table.foreground = 1;
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> console.readLine("> ", null));
        keyboard.type("ls\r");
        assertEquals("ls", line.get(5, TimeUnit.SECONDS));
        assertEquals(0, console.altScreenOwner());
        // the switch back is written as the line is read; the terminal's output reaches the screen a moment later
        await("the shell's screen again", () -> screenText().lastIndexOf(JLineConsole.LEAVE_ALT_SCREEN)
                > screenText().lastIndexOf(JLineConsole.ENTER_ALT_SCREEN));
    }

    @Test
    public void aResizeSignalsTheGroupAndWakesARawReader() throws Exception {
        table.foreground = 5;
        assertEquals("", console.takeKey(5, 10));
        terminal.setSize(new Size(100, 30));
        console.windowChanged();
        assertEquals(30, console.rows());
        assertEquals(100, console.cols());
        assertTrue(table.signals().contains("5:SIGWINCH"));
        assertEquals("RESIZE", console.takeKey(5, 1000));
    }

    @Test
    public void aResizeReachesAProgramThatHasNotReadAKeyYet() throws Exception {
        table.foreground = 5; // drew its first frame, about to read
        terminal.setSize(new Size(60, 15));
        console.windowChanged();
        assertEquals("RESIZE", console.takeKey(5, 1000));
        assertEquals(15, console.rows());
    }

    @Test
    public void lineInputIsEditedAndKeptInTheHistoryFile() throws Exception {
        FakeTask shell = new FakeTask(1, 1);
        console.setLineOptions(1, new JLineConsole.LineOptions(true, List.of(), true));
        CompletableFuture<String> line = async(() -> console.readLine("$ ", shell));
        await("the prompt", () -> screenText().contains("$ "));
        keyboard.type("helo\033OD\033[Dl\033[C\033[Cx\r");
        assertEquals("hellox", line.get(5, TimeUnit.SECONDS));
        assertEquals("cooked", console.mode());
        console.stop();
        assertTrue(Files.readString(history).contains("hellox"));
    }

    @Test
    public void aProgramsLinesStayOutOfTheHistory() throws Exception {
        FakeTask program = new FakeTask(5, 5);
        table.foreground = 5;
        CompletableFuture<String> line = async(() -> console.readLine("name? ", program));
        keyboard.type("secret\r");
        assertEquals("secret", line.get(5, TimeUnit.SECONDS));
        console.stop();
        assertFalse(Files.readString(history).contains("secret"));
    }

    @Test
    public void ctrlCAtThePromptShowsItAndInterrupts() throws Exception {
        FakeTask shell = new FakeTask(1, 1);
        CompletableFuture<String> line = async(() -> console.readLine("$ ", shell));
        await("the prompt", () -> screenText().contains("$ "));
        keyboard.type("abc\u0003");
        try {
            line.get(5, TimeUnit.SECONDS);
            fail("^C ended the line");
        } catch (java.util.concurrent.ExecutionException e) {
            assertEquals(Errno.INTR, ((PebbleException) e.getCause()).errno());
            assertEquals("interrupted by ^C", e.getCause().getMessage());
        }
        assertTrue(table.signals().contains("1:SIGINT"));
        await("^C after the text", () -> screenText().indexOf("^C") > screenText().indexOf("ab"));
    }

    @Test
    public void typeaheadForAProgramThatEndedGoesToTheNextLine() throws Exception {
        table.foreground = 5;
        keyboard.type("lx\033[Ds\033[C\u007f\r");
        await("the typed keys", () -> console.pendingKeys(5) == 7);
        table.groups.remove(5); // the program ends without reading them
        table.foreground = 1;
        FakeTask shell = new FakeTask(1, 1);
        CompletableFuture<String> line = async(() -> console.readLine("$ ", shell));
        assertEquals("ls", line.get(5, TimeUnit.SECONDS));
    }

    @Test
    public void endOfInputEndsLinesAndKeys() throws Exception {
        table.foreground = 5;
        keyboard.close(true);
        assertNull(console.takeKey(5, 2000));
    }

    @Test
    public void bytesOfStandardInputAreCookedLines() throws Exception {
        CompletableFuture<String> read = async(() -> {
            byte[] buffer = new byte[3];
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 2; i++) {
                int n = console.readInput(buffer, 0, 3);
                sb.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
            return sb.toString();
        });
        keyboard.type("hey\r");
        assertEquals("hey\n", read.get(5, TimeUnit.SECONDS));
    }
}
