package pebbleos.itests;

import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.Test;

/**
 * docs/commands.md tells what {@code --help} prints: every block of
 * {@code shell/help.out} (each command's {@code --help}, checked against the
 * running image by {@link ShellScriptsIT}) appears there verbatim.
 */
public class CommandDocsIT {
    @Test
    public void everyHelpTextIsInTheDocs() throws IOException {
        String docs = Files.readString(ShellScriptsIT.ROOT.resolve("docs/commands.md"), StandardCharsets.UTF_8);
        String help = Files.readString(ShellScriptsIT.SCRIPTS.resolve("help.out"), StandardCharsets.UTF_8);
        int blocks = 0;
        for (String block : help.split("\n\n")) {
            String text = block.strip();
            if (!text.startsWith("usage: ") || !text.contains("\n")) {
                continue;
            }
            blocks++;
            assertTrue("docs/commands.md lacks the --help text:\n" + text, docs.contains("```\n" + text + "\n```"));
        }
        assertTrue("help.out holds the commands' help", blocks > 40);
    }

    @Test
    public void everyCommandIsDocumented() throws IOException {
        String docs = Files.readString(ShellScriptsIT.ROOT.resolve("docs/commands.md"), StandardCharsets.UTF_8);
        // every bundle's commands: system's, tty.console's, kernel.service's ...
        List<Path> bins = new ArrayList<>();
        try (var bundles = Files.list(ShellScriptsIT.ROOT)) {
            for (Path bundle : bundles.sorted().toList()) {
                Path bin = bundle.resolve("src/main/resources/system/bin");
                if (Files.isDirectory(bin)) {
                    bins.add(bin);
                }
            }
        }
        assertTrue("the commands of system and tty.console at least", bins.size() >= 2);
        for (Path bin : bins) {
            try (var files = Files.list(bin)) {
                for (Path p : files.toList()) {
                    String name = p.getFileName().toString().replaceAll("\\.peb$", "");
                    if (name.equals("[") || name.equals("test")) {
                        name = "test, [";
                    }
                    assertTrue("docs/commands.md has no section for " + name + " (" + bin + ")",
                            docs.contains("## " + name + "\n"));
                }
            }
        }
    }
}
