package pebbleos.api.bundle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;

/**
 * One clause of an OSGi manifest header (Core specification 3.2.4, "Common
 * Header Syntax"): {@code path;path;attr=value;attr:Type=value;directive:=value},
 * clauses separated by commas, values optionally in double quotes. The
 * headers a bundle describes itself with ({@code Export-Package},
 * {@code Provide-Capability}, {@code Require-Capability} ...) all use it.
 *
 * @param paths      the leading names (package names, a namespace, a symbolic name)
 * @param attributes attribute name to its value as written
 * @param types      attribute name to its declared type ({@code Version}, {@code List<String>} ...), when one is given
 * @param directives directive name to its value
 */
public record HeaderClause(List<String> paths, Map<String, String> attributes, Map<String, String> types,
        Map<String, String> directives) {

    /** The clauses of a header value; an empty or missing header has none. */
    public static List<HeaderClause> parse(String header, String value) {
        List<HeaderClause> out = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return out;
        }
        for (String clause : split(header, value, ',')) {
            if (!clause.isBlank()) {
                out.add(clause(header, clause));
            }
        }
        return out;
    }

    private static HeaderClause clause(String header, String text) {
        List<String> paths = new ArrayList<>();
        Map<String, String> attributes = new LinkedHashMap<>();
        Map<String, String> types = new LinkedHashMap<>();
        Map<String, String> directives = new LinkedHashMap<>();
        for (String part : split(header, text, ';')) {
            String p = part.strip();
            int eq = indexOutsideQuotes(p, '=');
            if (eq < 0) {
                if (p.isEmpty()) {
                    throw bad(header, "an empty element in '" + text.strip() + "'");
                }
                paths.add(p);
                continue;
            }
            boolean directive = eq > 0 && p.charAt(eq - 1) == ':';
            String key = p.substring(0, directive ? eq - 1 : eq).strip();
            String value = unquote(header, p.substring(eq + 1).strip());
            if (directive) {
                directives.put(key, value);
                continue;
            }
            int colon = key.indexOf(':');
            if (colon >= 0) {
                types.put(key.substring(0, colon).strip(), key.substring(colon + 1).strip());
                key = key.substring(0, colon).strip();
            }
            if (key.isEmpty()) {
                throw bad(header, "an attribute without a name in '" + text.strip() + "'");
            }
            attributes.put(key, value);
        }
        if (paths.isEmpty()) {
            throw bad(header, "a clause without a name: '" + text.strip() + "'");
        }
        return new HeaderClause(paths, attributes, types, directives);
    }

    /** Split at {@code separator} outside double quotes. */
    private static List<String> split(String header, String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\\' && quoted && i + 1 < text.length()) {
                current.append(c);
                c = text.charAt(++i);
            } else if (c == separator && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        if (quoted) {
            throw bad(header, "an unclosed quote in '" + text.strip() + "'");
        }
        parts.add(current.toString());
        return parts;
    }

    private static int indexOutsideQuotes(String text, char wanted) {
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == wanted && !quoted) {
                return i;
            }
        }
        return -1;
    }

    private static String unquote(String header, String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            StringBuilder sb = new StringBuilder();
            for (int i = 1; i < value.length() - 1; i++) {
                char c = value.charAt(i);
                if (c == '\\' && i + 1 < value.length() - 1) {
                    c = value.charAt(++i);
                }
                sb.append(c);
            }
            return sb.toString();
        }
        if (value.contains("\"")) {
            throw bad(header, "a stray quote in '" + value + "'");
        }
        return value;
    }

    /** The attributes converted to their declared types ({@link AttributeTypes}); INVAL naming the header if one is not. */
    public Map<String, Object> typedAttributes(String header) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> a : attributes.entrySet()) {
            try {
                out.put(a.getKey(), AttributeTypes.convert(types.get(a.getKey()), a.getValue()));
            } catch (PebbleException e) {
                throw bad(header, a.getKey() + ": " + e.getMessage());
            }
        }
        return out;
    }

    /** A malformed header, named. */
    public static PebbleException bad(String header, String what) {
        return new PebbleException(Errno.INVAL, "bad " + header + " header: " + what);
    }
}
