package pebbleos.lang.core.builtins;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

import pebbleos.lang.core.runtime.Ops;

/**
 * The string tests isdigit/isalpha/isalnum/isspace (plain loops, not streams)
 * and float() of a text of digits (parsed without parseDouble) give what the
 * definitions say: Character's classes over every char, and the double
 * Double.parseDouble gives.
 */
public class CharTestsAndFloatTest {
    private static Object call(String method, String receiver) {
        return Methods.lookup(receiver, method).invoke(null, new Object[] {receiver});
    }

    @Test
    public void charTestsFollowCharactersClasses() {
        String[] texts = {"", "0", "123", "12a", "abc", "ab1", " \t\n", " a", "\u0663\u0664", "\u00e9t\u00e9", "x y",
            "\u2003", "_", "-1", "1.5", "\u00bd"};
        for (String t : texts) {
            boolean nonEmpty = !t.isEmpty();
            assertEquals("isdigit " + t, Ops.bool(nonEmpty && t.chars().allMatch(Character::isDigit)), call("isdigit", t));
            assertEquals("isalpha " + t, Ops.bool(nonEmpty && t.chars().allMatch(Character::isLetter)), call("isalpha", t));
            assertEquals("isalnum " + t, Ops.bool(nonEmpty && t.chars().allMatch(Character::isLetterOrDigit)), call("isalnum", t));
            assertEquals("isspace " + t, Ops.bool(nonEmpty && t.chars().allMatch(Character::isWhitespace)), call("isspace", t));
        }
    }

    @Test
    public void floatOfDigitsIsParseDoublesValue() {
        String[] texts = {"0", "7", "42", "000123", "999999999999999", "123456789012345", "1234567890123456",
            "99999999999999999999", "1.5", " 12", "12 ", "+3", "-3", "1e3", "1_000"};
        for (String t : texts) {
            Object expected;
            try {
                expected = Double.parseDouble(t.strip().replace("_", ""));
            } catch (NumberFormatException e) {
                expected = null;
            }
            assertEquals("float(" + t + ")", expected, Conversions.toFloat(t));
        }
    }
}
