package pebbleos.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.Test;

/**
 * The manual is the single source of each command's {@code --help}, of
 * {@code man} and of docs/commands.md, so the three never disagree: every
 * command ({@code system/bin/NAME.peb} of any bundle) and every library
 * ({@code system/lib/NAME.peb}) has a page ({@code system/man/man1/NAME.md},
 * {@code man3/NAME.md}, or a page whose title lists NAME as an alias); what
 * {@code NAME --help} prints in the running image is the first fenced block
 * of its page; and docs/commands.md is what {@code tools/man-docs} makes of
 * the pages.
 */
public class ManPagesIT {
    private static final Path ROOT = ShellScriptsIT.ROOT;

    /** A page: the names of its title and the lines of its first fenced block. */
    record Page(List<String> names, List<String> help, Path file) {
    }

    private static List<Path> resources(String folder, String suffix) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> bundles = Files.list(ROOT)) {
            for (Path bundle : bundles.sorted().toList()) {
                Path dir = bundle.resolve("src/main/resources/system").resolve(folder);
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                try (Stream<Path> files = Files.list(dir)) {
                    files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().forEach(out::add);
                }
            }
        }
        return out;
    }

    private static String stem(Path p, String suffix) {
        String name = p.getFileName().toString();
        return name.substring(0, name.length() - suffix.length());
    }

    static Page parse(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String title = lines.isEmpty() ? "" : lines.get(0);
        assertTrue(file + ": the first line is '# NAME - summary'", title.startsWith("# ") && title.contains(" - "));
        List<String> names = new ArrayList<>();
        for (String n : title.substring(2, title.indexOf(" - ")).split(",")) {
            names.add(n.strip());
        }
        List<String> help = new ArrayList<>();
        boolean inside = false;
        for (String line : lines.subList(1, lines.size())) {
            if (line.startsWith("```")) {
                if (inside) {
                    break;
                }
                inside = true;
            } else if (inside) {
                help.add(line);
            }
        }
        assertTrue(file + ": a page holds a fenced block (the --help text, or a library's synopsis)", !help.isEmpty());
        return new Page(names, help, file);
    }

    /** Every page of a section by each name it answers to. */
    private static Map<String, Page> pages(String section) throws IOException {
        Map<String, Page> out = new TreeMap<>();
        for (Path p : resources("man/man" + section, ".md")) {
            Page page = parse(p);
            assertEquals(p + ": the file is named after the first name of its title", page.names().get(0), stem(p, ".md"));
            for (String name : page.names()) {
                out.put(name, page);
            }
        }
        return out;
    }

    @Test
    public void everyCommandHasAPage() throws IOException {
        Map<String, Page> pages = pages("1");
        for (Path bin : resources("bin", ".peb")) {
            String name = stem(bin, ".peb");
            assertTrue(bin + " has no manual page: write system/man/man1/" + name + ".md in its bundle",
                    pages.containsKey(name));
        }
    }

    @Test
    public void everyLibraryHasAPage() throws IOException {
        Map<String, Page> pages = pages("3");
        for (Path lib : resources("lib", ".peb")) {
            String name = stem(lib, ".peb");
            assertTrue(lib + " has no manual page: write system/man/man3/" + name + ".md in its bundle",
                    pages.containsKey(name));
        }
    }

    @Test
    public void docsAreWhatThePagesMake() throws Exception {
        ProcessBuilder pb = new ProcessBuilder("python3", ROOT.resolve("tools/man-docs").toString(), "--check");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue("tools/man-docs did not end", p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(out, 0, p.exitValue());
    }

    @Test
    public void helpIsThePagesFirstBlock() throws Exception {
        Map<String, Page> pages = pages("1");
        Map<String, Page> commands = new LinkedHashMap<>();
        StringBuilder script = new StringBuilder();
        for (Path bin : resources("bin", ".peb")) {
            String name = stem(bin, ".peb");
            commands.put(name, pages.get(name));
            // the program itself, not a shell builtin of the same name (env, which, kill)
            script.append("echo '@@@ ").append(name).append("'; /system/bin/").append(name).append(".peb --help\n");
        }
        Path disk = Launcher.freshRoot("manpages");
        Files.writeString(disk.resolve("help.sh"), script.toString());
        Launcher.Result r = Launcher.run("pebbleos", List.of("-XX:+UseSerialGC", "-Dpebbleos.home=" + ROOT), "",
                "--root", disk.toString(), "help.sh");
        assertEquals("the help script ran (stderr: " + r.err() + ")", 0, r.status());
        Map<String, List<String>> printed = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : r.out().split("\n", -1)) {
            if (line.startsWith("@@@ ")) {
                current = new ArrayList<>();
                printed.put(line.substring(4), current);
            } else if (current != null) {
                current.add(line);
            }
        }
        for (Map.Entry<String, Page> c : commands.entrySet()) {
            List<String> got = printed.get(c.getKey());
            assertTrue("no --help output of " + c.getKey(), got != null);
            while (!got.isEmpty() && got.get(got.size() - 1).isEmpty()) {
                got.remove(got.size() - 1);
            }
            assertEquals(c.getKey() + " --help is the first block of " + c.getValue().file(),
                    String.join("\n", c.getValue().help()), String.join("\n", got));
        }
    }
}
