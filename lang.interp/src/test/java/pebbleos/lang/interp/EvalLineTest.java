package pebbleos.lang.interp;

import static org.junit.Assert.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.Test;

import pebbleos.api.engine.Outcome;
import pebbleos.lang.core.testing.HostContext;

/** The eval_line builtin: a persistent module across calls, the value of a lone expression. */
public class EvalLineTest {
    private static String run(String program) throws IOException {
        Path disk = Files.createTempDirectory("pebble-eval");
        Files.writeString(disk.resolve("p.peb"), program, StandardCharsets.UTF_8);
        HostContext ctx = new HostContext(disk, HostContext.systemTree());
        Outcome o = new InterpreterEngine().load(ctx, "/p.peb", List.of("p.peb", "a1")).run();
        return ctx.out + (o.error() == null ? "" : "ERROR " + o.error() + "\n");
    }

    @Test
    public void definitionsPersistAcrossLines() throws IOException {
        String out = run(String.join("\n",
                "eval_line(\"x = 40\")",
                "eval_line(\"def f(n):\\n    return n + x + y\")",
                "eval_line(\"y = 1\")",
                "print eval_line(\"f(1)\")",
                "eval_line(\"x = 0\")",
                "print eval_line(\"f(1)\")",
                "eval_line(\"def bump():\\n    global x\\n    x = x + 5\")",
                "eval_line(\"bump()\")",
                "print eval_line(\"x\")",
                "print eval_line(\"x = 3\")",
                "print eval_line(\"ARGV\")",
                "print eval_line(\"[1, 2][0] + len('abc')\")",
                "print x",
                ""));
        assertEquals("42\n2\n5\nNone\n[a1]\n4\nERROR p.peb:13: unknown variable 'x'\n", out);
    }

    @Test
    public void errorsReportTheLineAndKeepTheModule() throws IOException {
        String out = run(String.join("\n",
                "eval_line(\"a = 1\")",
                "try:",
                "    eval_line(\"b = nope\")",
                "except e:",
                "    print e",
                "try:",
                "    eval_line(\"c = (1\")",
                "except e:",
                "    print 'syntax'",
                "print eval_line(\"a\")",
                "eval_line(\"class K:\\n    v = 7\\n    def get(self):\\n        return self.v + a\")",
                "print eval_line(\"K().get()\")",
                ""));
        assertEquals("line 1: unknown variable 'nope'\nsyntax\n1\n8\n", out);
    }
}
