package pebbleos.tty.console;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.Test;

public class KeyDecoderTest {
    private final KeyDecoder decoder = new KeyDecoder();
    private final List<String> names = new ArrayList<>();
    private final List<String> raws = new ArrayList<>();
    private final KeyDecoder.Sink sink = (name, raw) -> {
        names.add(name);
        raws.add(raw);
    };

    /** Feed text at time 0, then let the ESC wait pass. */
    private List<String> decode(String text) {
        text.codePoints().forEach(c -> decoder.feed(c, 0, sink));
        decoder.idle(KeyDecoder.ESC_WAIT_MILLIS, sink);
        return names;
    }

    @Test
    public void printableCharactersAreThemselves() {
        assertEquals(List.of("a", "Z", " ", "~", "é", "😀"), decode("aZ ~é😀"));
    }

    @Test
    public void controlKeysHaveCaretNames() {
        assertEquals(List.of("^A", "^O", "^X", "^C", "^Z", "^@", "^\\", "^_"),
                decode("\u0001\u000f\u0018\u0003\u001a\u0000\u001c\u001f"));
    }

    @Test
    public void enterTabAndBackspace() {
        assertEquals(List.of("ENTER", "ENTER", "TAB", "BACKSPACE", "BACKSPACE"), decode("\r\n\t\u007f\b"));
    }

    @Test
    public void cursorKeysInBothModes() {
        assertEquals(List.of("UP", "DOWN", "RIGHT", "LEFT", "UP", "DOWN", "RIGHT", "LEFT"),
                decode("\033[A\033[B\033[C\033[D\033OA\033OB\033OC\033OD"));
    }

    @Test
    public void homeEndAndPageKeysInEveryForm() {
        assertEquals(List.of("HOME", "HOME", "HOME", "HOME", "END", "END", "END", "END"),
                decode("\033[H\033[1~\033[7~\033OH\033[F\033[4~\033[8~\033OF"));
        names.clear();
        assertEquals(List.of("PAGEUP", "PAGEDOWN", "DELETE", "INSERT", "BACKTAB"),
                decode("\033[5~\033[6~\033[3~\033[2~\033[Z"));
    }

    @Test
    public void functionKeys() {
        assertEquals(List.of("F1", "F2", "F3", "F4", "F1", "F5", "F6", "F10", "F11", "F12", "F1", "F5"),
                decode("\033OP\033OQ\033OR\033OS\033[11~\033[15~\033[17~\033[21~\033[23~\033[24~\033[[A\033[[E"));
    }

    @Test
    public void modifiersDoNotChangeTheName() {
        assertEquals(List.of("UP", "RIGHT", "DELETE", "F3"), decode("\033[1;5A\033[1;2C\033[3;5~\033[1;2R"));
    }

    @Test
    public void loneEscapeWaitsThenIsAKey() {
        decoder.feed(27, 1000, sink);
        decoder.idle(1000 + KeyDecoder.ESC_WAIT_MILLIS - 1, sink);
        assertTrue(names.isEmpty());
        assertTrue(decoder.hasPending());
        decoder.idle(1000 + KeyDecoder.ESC_WAIT_MILLIS, sink);
        assertEquals(List.of("ESC"), names);
        assertFalse(decoder.hasPending());
    }

    @Test
    public void escapeFollowedByAPlainCharacterIsTwoKeys() {
        assertEquals(List.of("ESC", "x", "ESC", "ESC"), decode("\033x\033\033"));
    }

    @Test
    public void unknownSequencesReadAsEscape() {
        assertEquals(List.of("ESC", "a", "ESC", "b"), decode("\033[99~a\033[?1$yb"));
    }

    @Test
    public void aControlCharacterCutsASequence() {
        assertEquals(List.of("ESC", "[", "ENTER"), decode("\033[\r"));
    }

    @Test
    public void garbageLongerThanAnySequenceIsDropped() {
        assertEquals(List.of("ESC", "x"), decode("\033[" + "1;".repeat(20) + "~x"));
    }

    @Test
    public void flushDeliversAPendingEscapeAtOnce() {
        decoder.feed(27, 0, sink);
        decoder.feed('[', 0, sink);
        decoder.flush(sink);
        assertEquals(List.of("ESC", "["), names);
    }

    @Test
    public void everyKeyKeepsTheCharactersItCameFrom() {
        decode("a\033[A\033OP\r");
        assertEquals(List.of("a", "\033[A", "\033OP", "\r"), raws);
    }

    @Test
    public void fiveHundredKeysInABurstAllArrive() {
        StringBuilder burst = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            burst.append((char) ('a' + i % 26));
            if (i % 50 == 0) {
                burst.append("\033[C");
            }
        }
        assertEquals(510, decode(burst.toString()).size());
    }
}
