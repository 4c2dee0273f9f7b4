package pebbleos.kernel.fs.syscall;

import static org.junit.Assert.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.Test;

public class ChannelReadsTest {
    private static int missing(String text, int cut) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return ChannelReads.missing(b, cut);
    }

    @Test
    public void countsTheBytesAnIncompleteCharacterLacks() {
        assertEquals(0, missing("abc", 3));
        assertEquals(0, missing("", 0));
        assertEquals(1, missing("\u00e9", 1));
        assertEquals(0, missing("\u00e9", 2));
        assertEquals(2, missing("\u2713", 1));
        assertEquals(1, missing("\u2713", 2));
        assertEquals(3, missing("\ud83d\ude00", 1));
        assertEquals(1, missing("a\ud83d\ude00", 4));
        assertEquals(0, missing("a\ud83d\ude00", 5));
    }
}
