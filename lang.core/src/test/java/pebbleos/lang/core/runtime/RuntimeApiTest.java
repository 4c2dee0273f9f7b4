package pebbleos.lang.core.runtime;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.Test;

import pebbleos.lang.core.builtins.Builtins;
import pebbleos.lang.core.syntax.Program;
import pebbleos.lang.core.testing.HostContext;

/**
 * The runtime API is looked up after the builtins, so that a program calling
 * only builtins never loads it ({@link ProcessRuntime#fallback}): that order
 * is invisible only while the runtime API defines no builtin's name.
 */
public class RuntimeApiTest {
    @Test
    public void theRuntimeApiDefinesNoBuiltinsName() throws IOException {
        Path file = HostContext.systemTree().resolve(ProcessRuntime.RUNTIME_PATH.substring("/system/".length()));
        String source = Files.readString(file);
        Program.compile(ProcessRuntime.RUNTIME_PATH, source); // it parses
        // what its top level defines: functions, classes, assigned names
        List<String> defined = Pattern.compile("^(?:def|class)\\s+(\\w+)|^(\\w+)\\s*=", Pattern.MULTILINE)
                .matcher(source).results().map(m -> m.group(1) != null ? m.group(1) : m.group(2)).toList();
        assertTrue("the runtime API's functions were not found", defined.size() > 20);
        List<String> shadowing = defined.stream().filter(name -> Builtins.get(name) != null).toList();
        assertEquals("runtime API functions named as builtins (they would never be called)", List.of(), shadowing);
    }
}
