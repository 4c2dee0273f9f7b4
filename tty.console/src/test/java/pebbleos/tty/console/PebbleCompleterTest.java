package pebbleos.tty.console;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jline.reader.Candidate;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.DefaultParser;
import org.junit.Before;
import org.junit.Test;

import pebbleos.api.PebbleException;
import pebbleos.api.value.PDict;
import pebbleos.api.value.PList;

public class PebbleCompleterTest {
    private final PebbleCompleter completer = new PebbleCompleter();
    private final FakeTask task = new FakeTask(1, 1);
    private final List<String> listed = new ArrayList<>();

    private static PList dir(String... entries) {
        PList out = new PList();
        for (String e : entries) {
            boolean isDir = e.endsWith("/");
            String name = isDir ? e.substring(0, e.length() - 1) : e;
            out.append(PDict.of("name", name, "kind", isDir ? "dir" : "file"));
        }
        return out;
    }

    @Before
    public void aSmallDisk() {
        Map<String, PList> disk = Map.of(
                "/system/bin", dir("cat.peb", "nano.peb", "top.peb", "README"),
                "/home/pebble", dir(".profile", "docs/", "notes.txt", "nanotes.peb"),
                "/home/pebble/docs", dir("a b.txt", "guide.md"),
                "/", dir("etc/", "home/", "system/"));
        task.setCwd("/home/pebble");
        task.env().put("PATH", "/system/bin:/bin:.");
        task.env().put("HOME", "/home/pebble");
        task.syscalls = (name, args) -> {
            assertEquals("fs_list_stat", name);
            listed.add((String) args[0]);
            PList l = disk.get((String) args[0]);
            if (l == null) {
                throw new PebbleException("no such directory: " + args[0]);
            }
            return l;
        };
        // what the shell passes: its builtins and the programs of its PATH (lib/launch.peb command_names)
        completer.prepare(task, List.of("cat", "cd", "help", "history", "nano", "top"));
    }

    private List<String> complete(String line) {
        ParsedLine parsed = new DefaultParser().parse(line, line.length());
        List<Candidate> out = new ArrayList<>();
        completer.complete(null, parsed, out);
        return out.stream().map(Candidate::value).sorted().collect(Collectors.toList());
    }

    @Test
    public void theFirstWordCompletesTheShellsCommandWords() {
        assertEquals(List.of("cat", "cd"), complete("c"));
        // the console has no search rules of its own: it lists no folder for a command
        assertEquals(List.of(), listed);
        assertEquals(List.of("help", "history"), complete("h"));
        assertEquals(List.of("nano"), complete("na"));
    }

    @Test
    public void afterASeparatorOrAssignmentsAWordIsACommandAgain() {
        assertEquals(List.of("top"), complete("ls | t"));
        assertEquals(List.of("top"), complete("X=1 Y=2 t"));
        assertEquals(List.of("cat", "cd"), complete("true && c"));
    }

    @Test
    public void argumentsCompletePathsRelativeToTheWorkingDirectory() {
        assertEquals(List.of("nanotes.peb", "notes.txt"), complete("cat n"));
        assertEquals(List.of("docs/"), complete("cat d"));
        assertEquals(List.of("docs/a b.txt", "docs/guide.md"), complete("cat docs/"));
        assertEquals(List.of("/etc/"), complete("ls /e"));
    }

    @Test
    public void directoriesGoOnFilesEndTheWord() {
        ParsedLine parsed = new DefaultParser().parse("cat do", 6);
        List<Candidate> out = new ArrayList<>();
        completer.complete(null, parsed, out);
        assertFalse(out.get(0).complete());
        parsed = new DefaultParser().parse("cat no", 6);
        out.clear();
        completer.complete(null, parsed, out);
        assertTrue(out.get(0).complete());
    }

    @Test
    public void hiddenNamesOnlyAfterADot() {
        assertEquals(List.of("docs/", "nanotes.peb", "notes.txt"), complete("cat "));
        assertEquals(List.of(".profile"), complete("cat ."));
    }

    @Test
    public void tildeIsHomeAndPathsWorkInCommandPosition() {
        assertEquals(List.of("~/docs/"), complete("cd ~/d"));
        assertEquals(List.of("./nanotes.peb", "./notes.txt"), complete("./n"));
    }

    @Test
    public void aDirectoryThatCannotBeListedOffersNothing() {
        assertTrue(complete("cat /nowhere/x").isEmpty());
    }

    @Test
    public void withoutAReaderThereIsNoCompletion() {
        completer.prepare(null, null);
        assertTrue(complete("c").isEmpty());
    }

    @Test
    public void directoryOfWhatIsTyped() {
        assertEquals("/home/pebble", PebbleCompleter.directory("", "/home/pebble", "/"));
        assertEquals("/home/pebble/docs", PebbleCompleter.directory("docs/", "/home/pebble", "/"));
        assertEquals("/", PebbleCompleter.directory("/", "/x", "/"));
        assertEquals("/etc", PebbleCompleter.directory("/etc/", "/x", "/"));
        assertEquals("/home/pebble/docs", PebbleCompleter.directory("~/docs/", "/", "/home/pebble"));
        assertEquals("/a/b", PebbleCompleter.directory("b/", "/a/", "/"));
    }
}
