package pebbleos.itests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.After;
import org.junit.BeforeClass;

/**
 * What the terminal tests share: the exported image (the class is skipped
 * without tmux or without it), a disk folder per test and the tmux session
 * running the image on it, closed after each test.
 */
abstract class TmuxTestCase {
    static final long BOOT_MILLIS = 30_000;
    static final long STEP_MILLIS = 10_000;
    static Path image;

    Path root;
    Tmux tmux;

    @BeforeClass
    public static void tmuxAndImage() {
        image = Tmux.imageOrSkip();
    }

    /** The disk user's home on {@link #root}: where an interactive session starts. */
    Path home() throws IOException {
        return Files.createDirectories(root.resolve("home/pebble"));
    }

    /** The image booted on {@link #root} (a session of 100x30), up to its prompt. */
    Tmux boot(String history, String mode) throws IOException, InterruptedException {
        return boot(history, mode, "");
    }

    /** As {@link #boot(String, String)}, with more command-line options ({@code " --user root"}). */
    Tmux boot(String history, String mode, String options) throws IOException, InterruptedException {
        return Tmux.boot(image, root, history, mode + options, BOOT_MILLIS);
    }

    @After
    public void shutdown() throws IOException {
        if (tmux != null) {
            tmux.close();
        }
    }
}
