package pebbleos.api.bundle;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;
import java.util.Map;

import org.junit.Test;

import pebbleos.api.PebbleException;

/** The OSGi header syntax as bundles write it: clauses, typed attributes, directives, quotes. */
public class HeaderClauseTest {
    @Test
    public void clausesAttributesAndDirectives() {
        List<HeaderClause> clauses = HeaderClause.parse("Require-Capability",
                "pebble.package;filter:=\"(&(pebble.package=greet)(version>=1.0.0))\","
                        + "osgi.service;filter:=\"(objectClass=a.B)\";effective:=active");
        assertEquals(2, clauses.size());
        assertEquals(List.of("pebble.package"), clauses.get(0).paths());
        assertEquals("(&(pebble.package=greet)(version>=1.0.0))", clauses.get(0).directives().get("filter"));
        assertEquals("active", clauses.get(1).directives().get("effective"));
    }

    @Test
    public void typedAttributesAndSeveralPaths() {
        HeaderClause c = HeaderClause.parse("Export-Package", "a.b;a.c;version=\"1.2\";x:List<String>=\"p,q\"").get(0);
        assertEquals(List.of("a.b", "a.c"), c.paths());
        assertEquals("List<String>", c.types().get("x"));
        assertEquals(List.of("p", "q"), AttributeTypes.convert(c.types().get("x"), c.attributes().get("x")));
        assertEquals(Map.of("version", "1.2", "x", "p,q"), c.attributes());
    }

    @Test
    public void anUnclosedQuoteIsAnErrorNamingTheHeader() {
        try {
            HeaderClause.parse("Provide-Capability", "x;a=\"b");
            fail();
        } catch (PebbleException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("bad Provide-Capability header: an unclosed quote"));
        }
    }
}
