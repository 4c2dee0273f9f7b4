package pebbleos.tty.console;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.jline.keymap.KeyMap;
import org.jline.reader.Binding;
import org.jline.reader.Buffer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Reference;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp.Capability;

/**
 * Cooked line input on JLine's {@link LineReader}: emacs-style editing,
 * arrow keys, history (Up/Down, Ctrl-R search) persisted in a history file,
 * tab completion through {@link PebbleCompleter}.
 *
 * <p>Lines are returned exactly as typed: no event expansion, no
 * continuation prompts for open quotes (the shell parses its own lines), no
 * bracketed paste (a pasted newline ends the line like a typed one; the rest
 * of the paste is typeahead for the next read).
 *
 * <p>The job-control keys end the read: {@code ^C}, {@code ^Z} and
 * {@code F1} throw {@link JobKey}; the console then acts on them.
 */
final class LineEditor {
    private static final Logger LOG = Logger.getLogger(LineEditor.class.getName());
    private static final String INTERRUPT_WIDGET = "pebble-interrupt";
    private static final String SUSPEND_WIDGET = "pebble-suspend";
    private static final String DETACH_WIDGET = "pebble-detach";

    /** A job-control key ended the read. */
    static final class JobKey extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String key;
        /** What was typed before the key. */
        final String partial;

        JobKey(String key, String partial) {
            super(key, null, false, false);
            this.key = key;
            this.partial = partial;
        }
    }

    private final Terminal terminal;
    private final LineReader reader;
    private final PebbleCompleter completer = new PebbleCompleter();
    private volatile boolean reading;

    LineEditor(Terminal terminal, Path historyFile) {
        this.terminal = terminal;
        DefaultParser parser = new DefaultParser();
        parser.setEofOnUnclosedQuote(false);
        parser.setEofOnEscapedNewLine(false);
        LineReaderBuilder builder = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("pebbleos")
                .parser(parser)
                .completer(completer)
                .variable(LineReader.HISTORY_SIZE, 1000)
                .variable(LineReader.HISTORY_FILE_SIZE, 2000)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.BRACKETED_PASTE, false)
                .option(LineReader.Option.INSERT_TAB, false);
        if (historyFile != null) {
            builder.variable(LineReader.HISTORY_FILE, historyFile);
        }
        reader = builder.build();
        reader.getWidgets().put(INTERRUPT_WIDGET, () -> jobKey(JobControl.INTERRUPT, true));
        reader.getWidgets().put(SUSPEND_WIDGET, () -> jobKey(JobControl.SUSPEND, true));
        reader.getWidgets().put(DETACH_WIDGET, () -> jobKey(JobControl.DETACH, false));
        for (String map : List.of(LineReader.EMACS, LineReader.VIINS, LineReader.VICMD, LineReader.MAIN)) {
            KeyMap<Binding> keys = reader.getKeyMaps().get(map);
            if (keys == null) {
                continue;
            }
            // both cursor-key modes: keys typed ahead while a program ran come in normal mode
            keys.bind(new Reference(LineReader.UP_LINE_OR_SEARCH), "\033[A", "\033OA");
            keys.bind(new Reference(LineReader.DOWN_LINE_OR_SEARCH), "\033[B", "\033OB");
            keys.bind(new Reference(LineReader.FORWARD_CHAR), "\033[C", "\033OC");
            keys.bind(new Reference(LineReader.BACKWARD_CHAR), "\033[D", "\033OD");
            keys.bind(new Reference(LineReader.BEGINNING_OF_LINE), "\033[H", "\033OH", "\033[1~", "\033[7~");
            keys.bind(new Reference(LineReader.END_OF_LINE), "\033[F", "\033OF", "\033[4~", "\033[8~");
            keys.bind(new Reference(LineReader.DELETE_CHAR), "\033[3~");
            keys.bind(new Reference(INTERRUPT_WIDGET), KeyMap.ctrl('C'));
            keys.bind(new Reference(SUSPEND_WIDGET), KeyMap.ctrl('Z'));
            keys.bind(new Reference(DETACH_WIDGET), "\033OP", "\033[11~", "\033[[A");
            String f1 = KeyMap.key(terminal, Capability.key_f1);
            if (f1 != null && !f1.isEmpty()) {
                keys.bind(new Reference(DETACH_WIDGET), f1);
            }
        }
    }

    private boolean jobKey(String key, boolean show) {
        Buffer b = reader.getBuffer();
        String partial = b.toString();
        b.cursor(b.length());
        if (show) {
            b.write(key); // the line is redrawn once more when the read ends: "text^C"
        }
        throw new JobKey(key, partial);
    }

    /**
     * Read one line.
     *
     * @param history   add the line to the history (file)
     * @param freshLine start the prompt on a line of its own (a shell's prompt after output without its newline);
     *                  off for a program's input() that follows its own question
     * @param words     extra command words to complete
     * @param context   the reading thread, for completion; may be {@code null}
     * @param typeahead characters typed before the read began, replayed first
     * @param initial   text to start the line with (what an interrupted read had), or {@code null}
     * @return the line, or {@code null} at end of input (Ctrl-D on an empty line)
     * @throws JobKey when a job-control key ends the read
     * @throws org.jline.reader.UserInterruptException when the reading thread is interrupted
     */
    String read(String prompt, boolean history, boolean freshLine, List<String> words, pebbleos.api.process.TaskContext context,
            String typeahead, String initial) {
        completer.prepare(context, words);
        reader.setVariable(LineReader.DISABLE_HISTORY, !history);
        reader.option(LineReader.Option.AUTO_FRESH_LINE, freshLine);
        if (typeahead != null && !typeahead.isEmpty()) {
            reader.runMacro(typeahead);
        }
        reading = true;
        try {
            return reader.readLine(prompt, null, (org.jline.reader.MaskingCallback) null, initial);
        } catch (EndOfFileException e) {
            return null;
        } finally {
            reading = false;
            completer.prepare(null, null);
        }
    }

    /** True while a line is being read. */
    boolean reading() {
        return reading;
    }

    /** Show text above the line being edited (output of other programs while the prompt is up). */
    void printAbove(String text) {
        reader.printAbove(text);
    }

    /** Write the history file. */
    void close() {
        try {
            reader.getHistory().save();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "cannot save the line history", e);
        }
    }

    Terminal terminal() {
        return terminal;
    }
}
