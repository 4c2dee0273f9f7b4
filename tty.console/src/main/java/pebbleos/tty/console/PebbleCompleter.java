package pebbleos.tty.console;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

import pebbleos.api.process.TaskContext;
import pebbleos.api.value.PDict;
import pebbleos.api.value.PList;

/**
 * Tab completion for Pebble command lines, computed in the reading process's
 * context: in command position, the process's completion words (the shell
 * passes what it can run, builtins, aliases, functions and the programs of its
 * {@code PATH}, through {@code term_line_options} at each prompt: the search
 * rules are the shell's, lib/launch.peb, not the console's); elsewhere,
 * paths relative to its working directory (directories with a trailing
 * {@code /}, hidden names only after a leading dot, {@code ~/} for
 * {@code $HOME}).
 *
 * <p>Everything is looked up through the reader's own syscalls
 * ({@code fs_list_stat}), so completion sees exactly what the process may
 * see, in every filesystem mode. The completer runs on the reading thread
 * while it waits for its line, outside the process lock.
 */
final class PebbleCompleter implements Completer {
    private static final Set<String> SEPARATORS = Set.of("|", "||", "&&", ";", "&", "(");
    private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=.*");

    private volatile TaskContext reader;
    private volatile List<String> words = List.of();

    /** Complete for {@code context} with these command words; {@code null} when no one reads. */
    void prepare(TaskContext context, List<String> commandWords) {
        reader = context;
        words = commandWords == null ? List.of() : commandWords;
    }

    @Override
    public void complete(LineReader lineReader, ParsedLine line, List<Candidate> candidates) {
        TaskContext ctx = reader;
        if (ctx == null) {
            return;
        }
        String word = line.word().substring(0, Math.min(line.wordCursor(), line.word().length()));
        boolean command = commandPosition(line.words(), line.wordIndex());
        try {
            if (command && word.indexOf('/') < 0 && !word.startsWith("~") && !word.startsWith(".")) {
                commands(word, candidates);
            } else {
                paths(ctx, word, candidates);
            }
        } catch (RuntimeException e) {
            // completion is a convenience: a directory that cannot be listed offers nothing
        }
    }

    /** True when the word at {@code index} names a command: first, or after a separator and assignments. */
    static boolean commandPosition(List<String> words, int index) {
        for (int i = index - 1; i >= 0; i--) {
            String w = words.get(i);
            if (SEPARATORS.contains(w)) {
                return true;
            }
            if (!ASSIGNMENT.matcher(w).matches()) {
                return false;
            }
        }
        return true;
    }

    private void commands(String prefix, List<Candidate> out) {
        Set<String> names = new TreeSet<>();
        for (String w : words) {
            if (w.startsWith(prefix)) {
                names.add(w);
            }
        }
        for (String n : names) {
            out.add(new Candidate(n, n, null, null, null, null, true));
        }
    }

    private static void paths(TaskContext ctx, String word, List<Candidate> out) {
        int slash = word.lastIndexOf('/');
        String dirPart = slash >= 0 ? word.substring(0, slash + 1) : "";
        String prefix = word.substring(slash + 1);
        String dir = directory(dirPart, ctx.process().cwd(), ctx.process().env().get("HOME"));
        PList entries = (PList) ctx.syscall("fs_list_stat", dir);
        for (Object o : entries) {
            if (!(o instanceof PDict d) || !(d.get("name") instanceof String name)) {
                continue;
            }
            if (!name.startsWith(prefix) || name.startsWith(".") && !prefix.startsWith(".")) {
                continue;
            }
            boolean isDir = "dir".equals(d.get("kind"));
            String value = dirPart + name + (isDir ? "/" : "");
            out.add(new Candidate(value, name + (isDir ? "/" : ""), null, null, null, null, !isDir));
        }
    }

    /** The absolute directory that {@code dirPart} (as typed, up to its last slash) names. */
    static String directory(String dirPart, String cwd, String home) {
        String d = dirPart;
        if (d.startsWith("~/") || d.equals("~")) {
            d = (home == null || home.isEmpty() ? "/" : home) + "/" + d.substring(Math.min(2, d.length()));
        }
        if (d.isEmpty()) {
            return cwd;
        }
        if (!d.startsWith("/")) {
            d = (cwd.endsWith("/") ? cwd : cwd + "/") + d;
        }
        java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
        for (String part : d.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(part);
            }
        }
        return "/" + String.join("/", parts);
    }
}
