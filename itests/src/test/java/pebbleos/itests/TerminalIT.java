package pebbleos.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Before;
import org.junit.Test;

/**
 * End to end on a real terminal: the exported image runs in a tmux session
 * of 100x30 (a private tmux server per test), keys are typed with
 * {@code send-keys} and the screen is read with {@code capture-pane}. Skipped
 * when tmux is not installed ({@code .ci/run} installs it).
 */
public class TerminalIT extends TmuxTestCase {
    /** The disk user's home ({@link #home()}). */
    private Path home;

    @Before
    public void bootOnADisk() throws Exception {
        root = Files.createTempDirectory(Path.of("target"), "terminal-it").toAbsolutePath();
        home = home();
        // cat comes with the userland; until then a one-line stand-in in the current directory
        Files.writeString(home.resolve("cat.peb"), "for name in ARGV:\n    print read_file(name)\n");
        Files.writeString(home.resolve("say.peb"), "print upper(join(ARGV, \" \"))\n");
        Files.writeString(home.resolve("loop.peb"), "i = 0\nwhile 1:\n    i = i + 1\n");
        Files.writeString(home.resolve("count.peb"),
                "n = 0\nwhile n < 1000:\n    print \"tick \" + str(n)\n    n = n + 1\n    sleep(200)\n");
        tmux = start(root.resolve("history"));
    }

    private Tmux start(Path history) throws Exception {
        return start(history, "hostfs");
    }

    private Tmux start(Path history, String mode) throws Exception {
        return start(history, mode, "");
    }

    private Tmux start(Path history, String mode, String options) throws Exception {
        return boot(history.toString(), mode, options);
    }

    private static long promptCount(List<String> screen) {
        return Tmux.prompts(screen);
    }

    @Test
    public void nanoEditsSavesAndQuitsAndCatShowsTheText() throws Exception {
        tmux.line("nano note.txt");
        tmux.awaitText("GNU nano 8.0    note.txt", STEP_MILLIS);
        tmux.type("hello from nano");
        tmux.keys("Enter");
        tmux.type("second linX");
        tmux.keys("BSpace", "e", "Up", "End", "!");
        tmux.awaitText("note.txt *    1,17", STEP_MILLIS);
        tmux.keys("C-o");
        tmux.awaitText("[ Wrote 2 lines ]", STEP_MILLIS);
        tmux.keys("C-x");
        tmux.awaitPrompt(STEP_MILLIS);
        assertEquals("hello from nano!\nsecond line", Files.readString(home.resolve("note.txt")));
        tmux.line("cat note.txt");
        List<String> s = tmux.await("cat's output", STEP_MILLIS,
                screen -> screen.stream().anyMatch(l -> l.startsWith("second line"))
                        && Tmux.lastLine(screen).startsWith("pebble-os:"));
        // the file has no final newline: the prompt still starts a line of its own
        assertTrue(String.join("\n", s), s.stream().noneMatch(l -> l.contains("linepebble-os")));
        assertTrue(s.contains("hello from nano!"));
    }

    @Test
    public void loginAsksForANameAndAPasswordWithoutEchoingIt() throws Exception {
        tmux.close();
        tmux = Tmux.start(Long.toString(System.nanoTime()), root, 100, 30,
                "exec java -jar " + image + " --root " + root + " --login");
        tmux.awaitText("login:", BOOT_MILLIS);
        tmux.line("pebble");
        tmux.awaitText("Password:", STEP_MILLIS);
        tmux.line("not-the-password");
        tmux.await("the refusal and a second prompt", STEP_MILLIS, screen -> screen.contains("Login incorrect")
                && Tmux.lastLine(screen).startsWith("login:"));
        tmux.line("pebble");
        tmux.awaitText("Password:", STEP_MILLIS);
        tmux.line("pebble");
        tmux.awaitPrompt(STEP_MILLIS);
        tmux.line("whoami; pwd; echo $HOME $USER");
        List<String> s = tmux.await("the session's user", STEP_MILLIS, screen -> screen.contains("/home/pebble pebble"));
        String text = String.join("\n", s);
        assertTrue(text, s.contains("pebble") && s.contains("/home/pebble"));
        assertTrue("a prompt in the home directory:\n" + text, text.contains("pebble-os:/home/pebble>"));
        assertTrue("passwords are not echoed:\n" + text, !text.contains("not-the-password"));
    }

    @Test
    public void loginGivesUpAfterThreeWrongPasswords() throws Exception {
        tmux.close();
        tmux = Tmux.start(Long.toString(System.nanoTime()), root, 100, 30,
                "java -jar " + image + " --root " + root + " --login; echo \"status $?\"; sleep 60");
        for (int i = 0; i < 3; i++) {
            tmux.awaitText("login:", BOOT_MILLIS);
            tmux.line(i == 1 ? "nosuchuser" : "pebble");
            tmux.await("a password prompt", STEP_MILLIS, screen -> Tmux.lastLine(screen).startsWith("Password:"));
            tmux.line("wrong" + i);
            int refusals = i + 1;
            tmux.await("refusal " + refusals, STEP_MILLIS,
                    screen -> screen.stream().filter("Login incorrect"::equals).count() == refusals);
        }
        List<String> s = tmux.awaitText("status 1", STEP_MILLIS);
        assertTrue(String.join("\n", s), s.contains("login: too many failed attempts"));
    }

    @Test
    public void suAndSudoAskForPasswordsOnTheTerminalWithoutEchoingThem() throws Exception {
        tmux.line("sudo whoami");
        tmux.awaitText("[sudo] password for pebble:", STEP_MILLIS);
        tmux.type("pebble");
        tmux.keys("Enter");
        tmux.await("root", STEP_MILLIS, screen -> screen.contains("root") && Tmux.lastLine(screen).endsWith(">"));
        tmux.line("su -c whoami");
        tmux.awaitText("Password:", STEP_MILLIS);
        tmux.type("pebbleX");
        tmux.keys("BSpace", "Enter");
        List<String> s = tmux.await("su's refusal", 3 * STEP_MILLIS,
                screen -> screen.contains("su: Authentication failure") && Tmux.lastLine(screen).endsWith(">"));
        assertTrue(String.join("\n", s), s.stream().noneMatch(l -> l.contains("pebbleX")
                || l.contains("Password: pebble") || l.contains("for pebble: pebble")));
    }

    @Test
    public void nanoWorksInEveryFilesystemMode() throws Exception {
        tmux.close();
        for (String mode : List.of("mfs", "mfs-import", "vfs-import", "vfs-persistent")) {
            tmux = start(root.resolve("history"), mode);
            tmux.line("nano " + mode + ".txt");
            tmux.awaitText(mode + ".txt    1,1", STEP_MILLIS);
            tmux.type("written in " + mode);
            tmux.keys("C-o");
            tmux.awaitText("[ Wrote 1 line ]", STEP_MILLIS);
            tmux.keys("C-x");
            tmux.awaitPrompt(STEP_MILLIS);
            // open it again: the text comes back from the filesystem of this mode
            tmux.line("nano " + mode + ".txt");
            tmux.await(mode + ": the saved text", STEP_MILLIS, screen -> screen.size() > 1
                    && screen.get(0).contains(mode + ".txt    1,1") && screen.get(1).equals("written in " + mode));
            tmux.keys("C-x");
            tmux.awaitPrompt(STEP_MILLIS);
            tmux.close();
        }
    }

    @Test
    public void nanoAsksBeforeLosingChanges() throws Exception {
        Files.writeString(home.resolve("keep.txt"), "original");
        tmux.line("nano keep.txt");
        tmux.awaitText("keep.txt    1,1", STEP_MILLIS);
        tmux.type("X");
        tmux.keys("C-x");
        tmux.awaitText("Save modified buffer? (Y Yes, N No, ^C Cancel)", STEP_MILLIS);
        tmux.type("q");
        tmux.awaitText("Answer Y or N", STEP_MILLIS);
        tmux.keys("Escape");
        tmux.awaitText("Cancelled", STEP_MILLIS);
        tmux.keys("C-x");
        tmux.type("n");
        tmux.awaitPrompt(STEP_MILLIS);
        assertEquals("original", Files.readString(home.resolve("keep.txt")));
    }

    @Test
    public void aBurstOf500KeysArrivesComplete() throws Exception {
        tmux.line("nano burst.txt");
        tmux.awaitText("burst.txt    1,1", STEP_MILLIS);
        StringBuilder burst = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            burst.append((char) ('a' + i % 26));
        }
        long start = System.nanoTime();
        tmux.type(burst.toString());
        tmux.awaitText("burst.txt *    1,501", STEP_MILLIS);
        long millis = (System.nanoTime() - start) / 1_000_000;
        tmux.keys("C-o");
        tmux.awaitText("[ Wrote 1 line ]", STEP_MILLIS);
        tmux.keys("C-x");
        tmux.awaitPrompt(STEP_MILLIS);
        assertEquals(burst.toString(), Files.readString(home.resolve("burst.txt")));
        System.out.println("terminal: 500 keys typed into nano, all applied and drawn in " + millis + " ms");
    }

    @Test
    public void ctrlCStopsARunawayLoopAndThePromptReturns() throws Exception {
        tmux.line("loop");
        tmux.await("the loop to start", STEP_MILLIS, s -> Tmux.lastLine(s).endsWith("loop"));
        Thread.sleep(500);
        long before = promptCount(tmux.screen());
        long start = System.nanoTime();
        tmux.keys("C-c");
        List<String> s = tmux.await("a new prompt", STEP_MILLIS,
                screen -> promptCount(screen) > before && Tmux.lastLine(screen).endsWith(">"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(String.join("\n", s), String.join("\n", s).contains("^C"));
        System.out.println("terminal: Ctrl-C to a new prompt after a runaway loop: " + millis + " ms");
        // the shell itself ignores ^C at its prompt: a new prompt, nothing else
        tmux.type("abc");
        tmux.keys("C-c");
        tmux.awaitText("abc^C", STEP_MILLIS);
        tmux.awaitPrompt(STEP_MILLIS);
        tmux.line("say alive");
        tmux.awaitText("ALIVE", STEP_MILLIS);
    }

    private static int lastTick(List<String> screen) {
        int last = -1;
        Pattern tick = Pattern.compile("^tick (\\d+)$");
        for (String line : screen) {
            Matcher m = tick.matcher(line.strip());
            if (m.matches()) {
                last = Integer.parseInt(m.group(1));
            }
        }
        return last;
    }

    @Test
    public void ctrlZStopsAndFgResumesWhereItWas() throws Exception {
        tmux.line("count");
        tmux.awaitText("tick 3", STEP_MILLIS);
        tmux.keys("C-z");
        List<String> stopped = tmux.awaitText("Stopped", STEP_MILLIS);
        tmux.awaitPrompt(STEP_MILLIS);
        int at = lastTick(tmux.screen());
        Thread.sleep(1000);
        assertEquals("a stopped program goes on printing", at, lastTick(tmux.screen()));
        assertTrue(String.join("\n", stopped).contains("count"));
        tmux.line("fg");
        tmux.await("ticks after fg", STEP_MILLIS, s -> lastTick(s) >= at + 2);
        List<String> s = tmux.screen();
        String all = String.join("\n", s);
        assertTrue("resumed where it was:\n" + all, all.contains("tick " + (at + 1)));
        tmux.keys("C-c");
        tmux.awaitPrompt(STEP_MILLIS);
    }

    @Test
    public void f1DetachesTheForegroundJobIntoTheBackground() throws Exception {
        tmux.line("count");
        tmux.awaitText("tick 2", STEP_MILLIS);
        tmux.keys("F1");
        tmux.awaitText("[1] background", STEP_MILLIS);
        tmux.line("jobs");
        tmux.awaitText("Running", STEP_MILLIS);
        int at = lastTick(tmux.screen());
        tmux.await("ticks in the background", STEP_MILLIS, s -> lastTick(s) > at);
        tmux.line("kill %1");
        tmux.awaitPrompt(STEP_MILLIS);
    }

    @Test
    public void aSessionStartsTheParkedBundlesOnceItsPromptIsUp() throws Exception {
        // the image parks the other fs modes' backends at start level 2; a session raises it after its prompt
        for (int attempt = 0; attempt < 20; attempt++) {
            tmux.line("clear; lsmod | grep -c vfs-persistent");
            List<String> screen = tmux.awaitPrompt(STEP_MILLIS);
            if (screen.stream().anyMatch(l -> l.trim().equals("1"))) {
                return;
            }
            Thread.sleep(500);
        }
        fail("fs.vfs never started: " + tmux.text());
    }

    @Test
    public void lsFillsColumnsAndCalHighlightsTodayOnTheTerminal() throws Exception {
        tmux.line("touch aa bb cc dd; ls -F; cal");
        List<String> s = tmux.await("cal's month", STEP_MILLIS,
                screen -> screen.stream().anyMatch(l -> l.startsWith("Su Mo Tu We Th Fr Sa"))
                        && Tmux.lastLine(screen).startsWith("pebble-os:"));
        // several names a row on a terminal (one a line into a pipe: the shell tests)
        assertTrue(String.join("\n", s), s.stream().anyMatch(l -> l.startsWith("aa ") && l.contains(".peb")));
        int day = java.time.LocalDate.now().getDayOfMonth();
        String today = (day < 10 ? " " : "") + day;
        assertTrue(tmux.textWithEscapes(), tmux.textWithEscapes().contains("\u001b[7m" + today));
    }

    @Test
    public void topDrawsAndQuitsOnQ() throws Exception {
        tmux.line("top");
        List<String> s = tmux.awaitText("CPU%    MEM     TIME  PID KIND STATE PGID EXIT PROGRAM", STEP_MILLIS);
        assertTrue(s.get(0).startsWith("Pebble top  "));
        assertTrue(String.join("\n", s).contains("/system/bin/top.peb"));
        // the first frame is drawn before top reads a key; the next refresh shows it holding the terminal raw
        tmux.awaitText("tty=raw", STEP_MILLIS);
        tmux.awaitText("q quit  H threads  s sort (pid)", STEP_MILLIS);
        tmux.type("P");
        tmux.awaitText("s sort (cpu)", STEP_MILLIS);
        tmux.type("H");
        tmux.awaitText("TID TGID STATE NAME", STEP_MILLIS);
        tmux.type("q");
        tmux.awaitPrompt(STEP_MILLIS);
        assertFalse(tmux.text().contains("TID TGID STATE NAME"));
    }

    @Test
    public void resizingTheWindowRedrawsNanoAtTheNewSize() throws Exception {
        tmux.line("nano sized.txt");
        tmux.await("nano at 100x30", STEP_MILLIS,
                s -> s.size() >= 30 && s.get(29).startsWith("^G Help"));
        long start = System.nanoTime();
        tmux.resize(60, 15);
        List<String> s = tmux.await("nano at 60x15", STEP_MILLIS,
                screen -> screen.size() == 15 && screen.get(14).startsWith("^G Help") && screen.get(13).equals("~"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(s.get(0).startsWith(" GNU nano 8.0    sized.txt"));
        tmux.resize(100, 30);
        tmux.await("nano at 100x30 again", STEP_MILLIS, screen -> screen.size() == 30 && screen.get(29).startsWith("^G Help"));
        tmux.keys("C-x");
        tmux.awaitPrompt(STEP_MILLIS);
        System.out.println("terminal: nano redrawn at the new size " + millis + " ms after the resize");
    }

    @Test
    public void lineInputEditsCompletesAndRemembersAcrossSessions() throws Exception {
        tmux.type("hel");
        tmux.keys("Tab");
        tmux.await("help completed", STEP_MILLIS, s -> Tmux.lastLine(s).endsWith("> help"));
        tmux.keys("C-u");
        tmux.type("say wrld");
        tmux.keys("Left", "Left", "Left", "o");
        tmux.keys("Enter");
        tmux.awaitText("WORLD", STEP_MILLIS);
        tmux.awaitPrompt(STEP_MILLIS);
        tmux.line("exit");
        tmux.awaitEnd(STEP_MILLIS);
        tmux.close();
        assertTrue(Files.readString(root.resolve("history"), StandardCharsets.UTF_8).contains("say world"));
        tmux = start(root.resolve("history"));
        tmux.keys("Up");
        tmux.await("the last session's line", STEP_MILLIS, s -> Tmux.lastLine(s).endsWith("> exit"));
        tmux.keys("Up");
        tmux.await("the line before", STEP_MILLIS, s -> Tmux.lastLine(s).endsWith("> say world"));
        tmux.keys("C-u", "C-r");
        tmux.type("wor");
        tmux.await("a history search", STEP_MILLIS, s -> String.join("\n", s).contains("say world"));
    }

    @Test
    public void theShellComesBackWhenTheConsoleBundleIsStoppedAndStartedOrUpdated() throws Exception {
        // managing bundles is root's: a root session, in the home where the stand-ins are
        tmux.close();
        tmux = start(root.resolve("history"), "hostfs", " --user root");
        tmux.line("cd /home/pebble");
        tmux.awaitPrompt(STEP_MILLIS);
        // stopped and started by the shell's own command line: the line finishes, then a new session starts
        tmux.line("modctl stop tty.console; sleep 1; modctl start tty.console");
        long start = System.nanoTime();
        tmux.await("a new session", STEP_MILLIS, s -> s.stream().filter(l -> l.equals("Pebble OS shell")).count() == 2
                && Tmux.lastLine(s).startsWith("pebble-os:") && Tmux.lastLine(s).endsWith(">"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        tmux.line("/home/pebble/say back"); // the new session starts in root's home again
        tmux.awaitText("BACK", STEP_MILLIS); // every key reaches the new console: none taken by the old one
        // updated from the background while the shell waits at its prompt
        tmux.line("modctl update tty.console &");
        tmux.await("the update", STEP_MILLIS, s -> String.join("\n", s).contains("updated tty.console"));
        tmux.awaitPrompt(STEP_MILLIS);
        tmux.line("/home/pebble/say updated");
        tmux.awaitText("UPDATED", STEP_MILLIS);
        System.out.println("terminal: console stopped and started, shell back in " + millis + " ms");
    }

    @Test
    public void gogoAloneIsAConsoleWithCompletionAndHistoryAndCtrlDReturns() throws Exception {
        tmux.close();
        tmux = Tmux.start(Long.toString(System.nanoTime()), root, 100, 30, "PEBBLEOS_HISTORY=" + root.resolve("history")
                + " exec java -jar " + image + " --root " + root + " --gogo --user root"); // Gogo is root's
        tmux.awaitPrompt(BOOT_MILLIS);
        tmux.line("gogo");
        tmux.await("the g! prompt", STEP_MILLIS, s -> Tmux.lastLine(s).strip().equals("g!"));
        tmux.type("scr:li");
        tmux.keys("Tab");
        tmux.await("scr:list completed", STEP_MILLIS, s -> Tmux.lastLine(s).startsWith("g! scr:list"));
        tmux.keys("C-u");
        tmux.line("answer = 42");
        tmux.line("$answer");
        tmux.await("the variable kept", STEP_MILLIS, s -> s.stream().filter(l -> l.strip().equals("42")).count() == 2);
        tmux.keys("Up");
        tmux.await("the line before", STEP_MILLIS, s -> Tmux.lastLine(s).startsWith("g! $answer"));
        tmux.keys("C-u", "C-d");
        tmux.awaitPrompt(STEP_MILLIS);
        tmux.line("/home/pebble/say back"); // a root session starts in /root
        tmux.awaitText("BACK", STEP_MILLIS);
    }
}
