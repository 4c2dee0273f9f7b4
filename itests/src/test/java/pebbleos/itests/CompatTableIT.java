package pebbleos.itests;

import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.Test;

/**
 * docs/compat.md says every entry of its table is exercised by a program of
 * {@code compat/} that both engines run ({@link CompatProgramsIT}): this
 * keeps that true. Each original name in the first cell of a row of "The
 * table" (served or not) must be named by at least one {@code compat/*.peb}
 * program, so a row added to the table without a program fails here.
 */
public class CompatTableIT {
    private static final Path DOC = ShellScriptsIT.ROOT.resolve("docs/compat.md");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    @Test
    public void everyNameOfTheTableHasAProgram() throws IOException {
        String programs = programs();
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (String row : tableRows()) {
            String first = row.substring(1, row.indexOf(" | "));
            Matcher m = CODE.matcher(first);
            while (m.find()) {
                String name = name(m.group(1));
                if (name == null) {
                    continue;
                }
                checked++;
                if (!Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(name)).matcher(programs).find()) {
                    missing.add(name);
                }
            }
        }
        assertTrue("the table lists no names: " + DOC, checked > 100);
        assertTrue("names of docs/compat.md's table no compat/*.peb program uses: " + missing, missing.isEmpty());
    }

    /** The name a program writes for a cell's entry ({@code argv(i)} is {@code argv}, {@code scheduler_*} any {@code scheduler_}); null for what is not a name. */
    static String name(String entry) {
        String n = entry.replaceAll("\\(.*", "").replace("*", "").strip();
        if (n.isEmpty() || n.contains("/") || n.contains(" ") || n.contains("\"") || n.equals("...")) {
            return null;
        }
        return n;
    }

    /** The rows of the section "The table" (up to "Libraries", whose entries the shell test libraries runs). */
    static List<String> tableRows() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int start = doc.indexOf("\n## The table");
        int end = doc.indexOf("\n## Libraries", start);
        assertTrue("docs/compat.md has its sections", start >= 0 && end > start);
        List<String> rows = new ArrayList<>();
        for (String line : doc.substring(start, end).split("\n")) {
            if (line.startsWith("| `")) {
                rows.add(line);
            }
        }
        return rows;
    }

    private static String programs() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(CompatProgramsIT.PROGRAMS)) {
            for (Path p : files.sorted().toList()) {
                if (p.getFileName().toString().endsWith(".peb")) {
                    all.append(Files.readString(p, StandardCharsets.UTF_8)).append('\n');
                }
            }
        }
        return all.toString();
    }
}
