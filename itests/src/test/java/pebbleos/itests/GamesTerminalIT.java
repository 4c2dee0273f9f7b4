package pebbleos.itests;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.Before;
import org.junit.Test;

/**
 * The scenes, games and apps of {@code tty.console} on a real terminal: the
 * image runs in a tmux session of 100x30 (see {@link Tmux}); each program is
 * started from the shell, answers keys on screen, and quits cleanly: its
 * final line printed, the alternate screen left, the cursor shown, the shell's
 * screen and prompt back. Skipped when tmux is not installed.
 */
public class GamesTerminalIT extends TmuxTestCase {
    @Before
    public void bootOnADisk() throws Exception {
        root = Files.createTempDirectory(Path.of("target"), "games-it").toAbsolutePath();
        tmux = boot("none", "hostfs");
    }

    /** Start a program from the prompt and wait for its first frame. */
    private List<String> start(String commandLine, String firstFrame) throws Exception {
        tmux.line(commandLine);
        List<String> s = tmux.awaitText(firstFrame, STEP_MILLIS);
        assertTrue(commandLine + " draws on the alternate screen", tmux.alternateScreen());
        return s;
    }

    /** A key, then what it must show; returns how long it took to show (ms). */
    private long press(String key, String shows) throws Exception {
        long start = System.nanoTime();
        tmux.keys(key);
        tmux.awaitText(shows, STEP_MILLIS);
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Quit with {@code key}: the prompt comes back on the shell's own screen, the final line below the command. */
    private List<String> quit(String key, String finalLine) throws Exception {
        tmux.keys(key);
        // the shell's own prompt: a scene's last row may end with '>' too (matrix rains them)
        List<String> s = tmux.await("the shell's prompt", STEP_MILLIS,
                screen -> Tmux.prompts(List.of(Tmux.lastLine(screen))) == 1);
        String all = String.join("\n", s);
        assertFalse("the alternate screen is left:\n" + all, tmux.alternateScreen());
        assertTrue("the cursor is shown again", tmux.cursorVisible());
        assertTrue("the shell's screen is back:\n" + all, all.contains("Pebble OS shell"));
        if (!finalLine.isEmpty()) {
            assertTrue("'" + finalLine + "' after it:\n" + all, all.contains(finalLine));
        }
        return s;
    }

    /** Row and column of the first occurrence of {@code c} on the screen, or null. */
    private static int[] find(List<String> screen, char c) {
        for (int row = 0; row < screen.size(); row++) {
            int col = screen.get(row).indexOf(c);
            if (col >= 0) {
                return new int[] {row, col};
            }
        }
        return null;
    }

    /** The rows where column {@code col} shows {@code c}. */
    private static int firstRowWith(List<String> screen, int col, char c) {
        for (int row = 0; row < screen.size(); row++) {
            String line = screen.get(row);
            if (line.length() > col && line.charAt(col) == c) {
                return row;
            }
        }
        return -1;
    }

    @Test
    public void theScenesAnswerTheirKeysAndQuitCleanly() throws Exception {
        start("balls", "100 BOUNCING BALLS");
        long shown = press("g", "gravity (off)");
        quit("q", "100 bouncing balls finished.");
        start("starfield", "STARFIELD");
        press("Space", "paused");
        quit("Escape", "Starfield finished.");
        start("tunnel", "TUNNEL RACER");
        press("p", "PAUSED");
        quit("q", "Tunnel finished.");
        start("rainfire", "RAINFIRE");
        press("Left", "wind west");
        quit("q", "Rainfire finished.");
        start("matrix", "MATRIX DIGITAL RAIN");
        press("Space", "paused");
        quit("q", "Matrix finished.");
        start("train", "TRAIN PASS");
        press("h", "TOOT TOOT!");
        quit("q", "Train passed.");
        System.out.println("games: a key shown on screen " + shown + " ms after it was typed (tmux polled every 25 ms)");
    }

    @Test
    public void snakeTurnsOnItsKeysDiesAtTheWallAndPlaysAgain() throws Exception {
        start("snake", "NEON SNAKE");
        List<String> s = tmux.await("the snake", STEP_MILLIS, screen -> find(screen, '@') != null);
        int[] head = find(s, '@');
        tmux.keys("Up");
        // it went right along its row; after the turn the head is higher up
        tmux.await("the snake going up", STEP_MILLIS, screen -> {
            int[] h = find(screen, '@');
            return h != null && h[0] < head[0];
        });
        tmux.awaitText("GAME OVER  score 0", STEP_MILLIS);
        press("r", "score 0  best 0");
        tmux.await("a new game", STEP_MILLIS, screen -> !String.join("\n", screen).contains("GAME OVER"));
        quit("q", "Neon snake finished.");
        assertTrue(tmux.text().contains("score 0, best 0"));
    }

    @Test
    public void pongMovesThePlayersPaddleWithTheArrows() throws Exception {
        start("atari_pong", "ATARI PONG  you 0 : 0 computer");
        List<String> s = tmux.await("the paddles", STEP_MILLIS, screen -> firstRowWith(screen, 1, '#') > 3);
        int top = firstRowWith(s, 1, '#');
        tmux.keys("Up", "Up");
        tmux.await("the paddle higher up", STEP_MILLIS, screen -> {
            int now = firstRowWith(screen, 1, '#');
            return now >= 0 && now <= top - 4;
        });
        quit("q", "ATARI PONG over. Score ");
    }

    @Test
    public void clockWelcomeUiDemoAndPhysicsAnswerKeysAndLines() throws Exception {
        start("clock", "Pebble analog clock  q quit  ");
        // the header comes first; the digital view below it is drawn in the same frame, a moment later
        tmux.await("the digital view", STEP_MILLIS, screen -> String.join("\n", screen).contains("###"));
        tmux.keys("d");
        tmux.await("the analogue view alone", STEP_MILLIS, screen -> !String.join("\n", screen).contains("###")
                && String.join("\n", screen).contains("12"));
        quit("q", "");

        start("welcome", "1/7  Hello");
        press("n", "2/7  Move around");
        press("Left", "1/7  Hello");
        quit("q", "Welcome tour finished.");

        start("ui_demo --reset", "selected 1/6");
        press("j", "moved down");
        tmux.awaitText("selected 2/6", STEP_MILLIS);
        press("Tab", "typing a note");
        tmux.type("hi q");
        press("Enter", "note kept");
        tmux.awaitText("note: hi q", STEP_MILLIS);
        quit("q", "");
        String state = Files.readString(home().resolve(".__ui_demo_state__.txt"), StandardCharsets.UTF_8);
        assertTrue(state, state.contains("selected|1"));
        assertTrue(state, state.contains("note|hi q"));

        tmux.line("physics");
        tmux.awaitText("physics>", STEP_MILLIS);
        tmux.line("add ball 5 2 1 0 1 o");
        tmux.awaitText("added ball", STEP_MILLIS);
        tmux.line("fill 0 12 39 15 solid");
        tmux.awaitText("filled region with solid", STEP_MILLIS);
        tmux.line("run 10");
        tmux.awaitText("tick=10 gravity=0.18 air=0.01 objects=1", STEP_MILLIS);
        tmux.line("quit");
        tmux.awaitPrompt(STEP_MILLIS);
    }

    @Test
    public void ctrlCRestoresTheTerminalAndAResizeRedrawsAtTheNewSize() throws Exception {
        start("balls", "100 BOUNCING BALLS");
        tmux.awaitText("100x30", STEP_MILLIS);
        tmux.resize(60, 15);
        tmux.await("balls at 60x15", STEP_MILLIS, screen -> screen.size() == 15 && screen.get(14).startsWith("+---")
                && screen.get(14).length() == 60 && screen.get(1).length() == 60);
        tmux.resize(100, 30);
        tmux.awaitText("100x30", STEP_MILLIS);
        tmux.keys("C-c");
        List<String> after = tmux.awaitPrompt(STEP_MILLIS);
        assertFalse(String.join("\n", after), tmux.alternateScreen());
        assertTrue("the cursor is shown again", tmux.cursorVisible());
        assertTrue(String.join("\n", after), String.join("\n", after).contains("Pebble OS shell"));

        // ^Z gives the shell its screen; fg gives the scene its own again
        start("starfield", "STARFIELD");
        tmux.keys("C-z");
        tmux.awaitText("Stopped", STEP_MILLIS);
        tmux.awaitPrompt(STEP_MILLIS);
        assertFalse(tmux.alternateScreen());
        tmux.line("fg");
        tmux.awaitText("STARFIELD", STEP_MILLIS);
        tmux.await("the alternate screen again", STEP_MILLIS, screen -> {
            try {
                return tmux.alternateScreen();
            } catch (IOException e) {
                return false;
            }
        });
        quit("q", "Starfield finished.");
    }

    @Test
    public void htopMovesItsSelectionAndSortsByCpu() throws Exception {
        start("htop", "Pebble htop");
        tmux.awaitText("EXIT  CPU%    MEM     TIME  PROGRAM", STEP_MILLIS);
        tmux.await("the first row selected", STEP_MILLIS, screen -> screen.stream().anyMatch(l -> l.startsWith(">1 ")));
        tmux.keys("j");
        tmux.await("the second row selected", STEP_MILLIS, screen -> screen.stream().anyMatch(l -> l.startsWith(">2 ")));
        press("P", "sort=cpu");
        press("H", "STATE           CPU%     TIME  NAME");
        quit("q", "");
    }
}
