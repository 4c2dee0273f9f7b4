package pebbleos.api.bundle;

import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.Version;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;

/**
 * The typed attribute values of capabilities, as both the manifest
 * ({@code version:Version=1.0}) and the repository index
 * ({@code <attribute name="version" type="Version" value="1.0"/>}) spell
 * them: {@code String} (the default), {@code Version}, {@code Long},
 * {@code Double}, and {@code List<T>} of those with comma-separated values.
 */
public final class AttributeTypes {
    private AttributeTypes() {
    }

    /** The value of {@code text} as type {@code type} ({@code null} or empty: String). */
    public static Object convert(String type, String text) {
        String t = type == null || type.isBlank() ? "String" : type.strip();
        if (t.startsWith("List<") && t.endsWith(">")) {
            String element = t.substring(5, t.length() - 1).strip();
            List<Object> out = new ArrayList<>();
            for (String part : splitList(text)) {
                out.add(scalar(element, part.strip()));
            }
            return List.copyOf(out);
        }
        if (t.equals("List")) {
            return convert("List<String>", text);
        }
        return scalar(t, text.strip());
    }

    private static Object scalar(String type, String text) {
        try {
            return switch (type) {
                case "String" -> text;
                case "Version" -> Version.parseVersion(text);
                case "Long" -> Long.parseLong(text);
                case "Double" -> Double.parseDouble(text);
                default -> throw new PebbleException(Errno.INVAL, "unknown attribute type '" + type + "'");
            };
        } catch (IllegalArgumentException e) {
            throw new PebbleException(Errno.INVAL, "'" + text + "' is not a " + type);
        }
    }

    /** Commas separate list elements; a backslash escapes one. */
    private static List<String> splitList(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                current.append(text.charAt(++i));
            } else if (c == ',') {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }

    /** The type name of a value, for writing it back; {@code null} for a String. */
    public static String typeOf(Object value) {
        if (value instanceof List<?> list) {
            String element = list.isEmpty() ? "String" : typeOf(list.get(0));
            return "List<" + (element == null ? "String" : element) + ">";
        }
        if (value instanceof Version) {
            return "Version";
        }
        if (value instanceof Long || value instanceof Integer) {
            return "Long";
        }
        if (value instanceof Double || value instanceof Float) {
            return "Double";
        }
        return null;
    }

    /** The written form of a value (list elements joined with commas, commas in them escaped). */
    public static String text(Object value) {
        if (value instanceof List<?> list) {
            StringBuilder sb = new StringBuilder();
            for (Object o : list) {
                if (sb.length() > 0) {
                    sb.append(',');
                }
                sb.append(String.valueOf(o).replace("\\", "\\\\").replace(",", "\\,"));
            }
            return sb.toString();
        }
        return String.valueOf(value);
    }
}
