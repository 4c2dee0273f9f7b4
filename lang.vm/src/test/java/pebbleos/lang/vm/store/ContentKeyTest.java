package pebbleos.lang.vm.store;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import org.junit.Test;

/** The caches' names for content: equal for equal bytes, different for the edits a source goes through. */
public class ContentKeyTest {
    @Test
    public void equalBytesHaveEqualKeysAndTheLengthShows() {
        assertEquals(key("print 1\n"), key("print 1\n"));
        assertTrue(key("print 1\n"), key("print 1\n").matches("[0-9a-f]{16}-8"));
        assertEquals("how the bytes were split does not matter",
                new ContentKey().update(bytes("print ")).update(bytes("1\n")).hex(), key("print 1\n"));
    }

    @Test
    public void everyOneCharacterEditOfASourceHasItsOwnKey() {
        String source = "def f(n):\n    return n * 2\nprint f(21)\n";
        Set<String> sources = new HashSet<>();
        sources.add(source);
        for (int i = 0; i < source.length(); i++) {
            for (char c : new char[] {'a', '1', ' ', '\n'}) {
                sources.add(source.substring(0, i) + c + source.substring(i + 1)); // replaced
                sources.add(source.substring(0, i) + c + source.substring(i)); // inserted
            }
            sources.add(source.substring(0, i) + source.substring(i + 1)); // deleted
        }
        Set<String> keys = new HashSet<>();
        for (String s : sources) {
            keys.add(key(s));
        }
        assertEquals(sources.size(), keys.size());
        assertNotEquals(key("ab"), key("ba"));
    }

    private static String key(String text) {
        return new ContentKey().update(bytes(text)).hex();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
