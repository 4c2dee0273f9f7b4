package pebbleos.kernel.text;

import pebbleos.api.value.Printable;
import pebbleos.kernel.text.regex.Regex;

/**
 * A compiled regex as a Pebble value: what {@code regex_compile} returns and
 * {@code regex_search} takes. Pebble code holds it like any value (in a
 * variable, a dict), and it goes when nothing refers to it, so the kernel
 * keeps no table of regexes to leak.
 */
public final class CompiledRegex implements Printable {
    private final Regex regex;

    CompiledRegex(Regex regex) {
        this.regex = regex;
    }

    Regex regex() {
        return regex;
    }

    int groups() {
        return regex.program().groups();
    }

    @Override
    public String str() {
        return "<regex of " + regex.program().size() + " instructions>";
    }

    @Override
    public String typeName() {
        return "regex";
    }
}
