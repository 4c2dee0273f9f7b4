package pebbleos.itests;

import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.Before;
import org.junit.Test;

/**
 * gnuplot and gcc on a real terminal (tmux, as {@link TerminalIT}): typed at
 * the prompt, their output on the screen, the prompt back. gnuplot reads its
 * commands from the terminal until Ctrl-D; gcc writes a program that then
 * runs by name.
 */
public class ToolsTerminalIT extends TmuxTestCase {
    private static final long STEP_MILLIS = 20_000;

    @Before
    public void bootOnADisk() throws Exception {
        root = Files.createTempDirectory(Path.of("target"), "tools-terminal-it").toAbsolutePath();
        tmux = boot(root.resolve("history").toString(), "hostfs");
    }

    @Test
    public void gnuplotReadsCommandsUntilCtrlDAndDrawsTheChart() throws Exception {
        tmux.line("gnuplot --width 60 --height 14");
        tmux.awaitText("gnuplot>", STEP_MILLIS);
        tmux.line("set title \"typed\"");
        tmux.await("the next prompt", STEP_MILLIS,
                screen -> screen.stream().filter(l -> l.startsWith("gnuplot>")).count() >= 2);
        tmux.line("plot [0:6] sin(x) title \"sine\"");
        tmux.keys("C-d");
        List<String> s = tmux.await("the chart and the prompt", STEP_MILLIS,
                screen -> screen.stream().anyMatch(l -> l.startsWith("min:-0.9999 max:1 n:100"))
                        && Tmux.lastLine(screen).startsWith("pebble-os:"));
        String text = String.join("\n", s);
        assertTrue(text, s.stream().anyMatch(l -> l.strip().equals("typed")));
        assertTrue(text, s.stream().anyMatch(l -> l.strip().equals("* sine")));
        assertTrue(text, s.stream().anyMatch(l -> l.startsWith(" 1 +")));
    }

    @Test
    public void gccWritesAProgramThatRunsByName() throws Exception {
        Files.writeString(home().resolve("squares.c"), String.join("\n",
                "#include <stdio.h>",
                "int main() {",
                "    for (int i = 1; i <= 4; i++) printf(\"%d squared is %2d\\n\", i, i * i);",
                "    return 0;",
                "}",
                ""));
        tmux.line("gcc squares.c -o squares");
        tmux.awaitText("gcc: wrote squares.peb", STEP_MILLIS);
        tmux.awaitPrompt(STEP_MILLIS);
        tmux.line("squares; echo \"status $?\"");
        List<String> s = tmux.await("the program's output", STEP_MILLIS,
                screen -> screen.contains("status 0") && Tmux.lastLine(screen).startsWith("pebble-os:"));
        assertTrue(String.join("\n", s), s.contains("4 squared is 16") && s.contains("1 squared is  1"));
    }
}
