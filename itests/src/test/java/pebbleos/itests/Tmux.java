package pebbleos.itests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.Assume;

/**
 * A terminal driven through tmux: a detached session on a private tmux
 * server runs the PebbleOS image; keys go in with {@code send-keys}, the
 * screen comes back with {@code capture-pane}. Used by {@link TerminalIT}.
 */
final class Tmux implements AutoCloseable {
    private final String socket;
    private final String session = "pebble";

    private Tmux(String socket) {
        this.socket = socket;
    }

    /** True when a tmux binary answers. */
    static boolean available() {
        try {
            Process p = new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The exported full image; the calling test class is skipped without tmux or without the image. */
    static Path imageOrSkip() {
        Assume.assumeTrue("tmux is not installed", available());
        Path image = Path.of(System.getProperty("pebbleos.root", ".."), "distro", "target", "pebbleos.jar")
                .toAbsolutePath().normalize();
        Assume.assumeTrue("no image at " + image, Files.isRegularFile(image));
        return image;
    }

    /**
     * The image booted on the disk {@code root} in a session of 100x30, up to
     * its first prompt: {@code history} is the line history file ("none" for
     * none), {@code mode} the filesystem mode.
     */
    static Tmux boot(Path image, Path root, String history, String mode, long millis)
            throws IOException, InterruptedException {
        String command = "PEBBLEOS_HISTORY=" + history + " exec java -jar " + image + " --root " + root
                + " --fs-mode " + mode;
        Tmux t = start(Long.toString(System.nanoTime()), root, 100, 30, command);
        t.awaitPrompt(millis);
        return t;
    }

    /** A session of cols x rows running {@code command} (a shell command line) in {@code dir}. */
    static Tmux start(String name, Path dir, int cols, int rows, String command) throws IOException {
        Tmux t = new Tmux("pebbleos-it-" + ProcessHandle.current().pid() + "-" + name);
        t.run("new-session", "-d", "-s", t.session, "-c", dir.toString(), "-x", Integer.toString(cols),
                "-y", Integer.toString(rows), command);
        return t;
    }

    /** Keys by tmux name ({@code Enter}, {@code C-c}, {@code F1}, {@code Up}) or plain words. */
    void keys(String... keys) throws IOException {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", session));
        args.addAll(List.of(keys));
        run(args.toArray(new String[0]));
    }

    /** Text typed as is, character by character. */
    void type(String text) throws IOException {
        run("send-keys", "-t", session, "-l", text);
    }

    /** A command line and Enter. */
    void line(String text) throws IOException {
        type(text);
        keys("Enter");
    }

    /** The visible screen, one string per row (tmux drops trailing spaces). */
    List<String> screen() throws IOException {
        return List.of(run("capture-pane", "-p", "-t", session).split("\n", -1));
    }

    String text() throws IOException {
        return String.join("\n", screen());
    }

    /** The visible screen with its attributes as escape sequences (reverse video is ESC [7m). */
    String textWithEscapes() throws IOException {
        return run("capture-pane", "-p", "-e", "-t", session);
    }

    /** Whether the terminal's cursor is shown (a full-screen program hides it while it runs). */
    boolean cursorVisible() throws IOException {
        return run("display-message", "-p", "-t", session, "#{cursor_flag}").strip().equals("1");
    }

    /** Whether the pane shows the alternate screen (a full-screen program's page). */
    boolean alternateScreen() throws IOException {
        return run("display-message", "-p", "-t", session, "#{alternate_on}").strip().equals("1");
    }

    void resize(int cols, int rows) throws IOException {
        run("resize-window", "-t", session, "-x", Integer.toString(cols), "-y", Integer.toString(rows));
    }

    /** Poll the screen until {@code condition} holds; fails with the screen after {@code millis}. */
    List<String> await(String what, long millis, Predicate<List<String>> condition)
            throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        List<String> s = screen();
        while (!condition.test(s)) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "; the screen:\n" + String.join("\n", s));
            }
            Thread.sleep(25);
            s = screen();
        }
        return s;
    }

    /** Wait for the screen to contain {@code text}. */
    List<String> awaitText(String text, long millis) throws IOException, InterruptedException {
        return await("'" + text + "'", millis, s -> String.join("\n", s).contains(text));
    }

    /** The last non-empty row. */
    static String lastLine(List<String> screen) {
        for (int i = screen.size() - 1; i >= 0; i--) {
            if (!screen.get(i).isBlank()) {
                return screen.get(i);
            }
        }
        return "";
    }

    /** Wait until the last non-empty row is a shell prompt ({@code ...>}, nothing typed after it). */
    List<String> awaitPrompt(long millis) throws IOException, InterruptedException {
        return await("a prompt", millis, s -> lastLine(s).endsWith(">"));
    }

    /** Rows of the screen that are prompts. */
    static long prompts(List<String> screen) {
        return screen.stream().filter(l -> l.contains("pebble-os") && l.stripTrailing().endsWith(">")).count();
    }

    /** Wait until the program in the session has ended (the session closes with it). */
    void awaitEnd(long millis) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (true) {
            try {
                run("has-session", "-t", session);
            } catch (IOException gone) {
                return;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("the session did not end; the screen:\n" + text());
            }
            Thread.sleep(25);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            run("kill-server");
        } catch (IOException e) {
            // already gone
        }
    }

    private String run(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("tmux " + String.join(" ", args) + " did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (p.exitValue() != 0) {
            throw new IOException("tmux " + String.join(" ", args) + " failed: " + out);
        }
        return out.endsWith("\n") ? out.substring(0, out.length() - 1) : out;
    }
}
