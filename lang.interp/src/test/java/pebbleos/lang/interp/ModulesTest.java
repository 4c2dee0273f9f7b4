package pebbleos.lang.interp;

import static org.junit.Assert.assertEquals;

import java.util.List;

import org.junit.Test;

import pebbleos.lang.core.testing.Run;

/**
 * PEBBLE.md modules: {@code import name} searches the program's folder, the
 * current directory, the root, then {@code /system/lib}, whichever file imports;
 * {@code import a.b} loads {@code a/b.peb} and binds {@code a}; a module runs
 * once per process; the extensions {@code from m import} and {@code import m as n}.
 */
public class ModulesTest extends PebbleTest {
    @Test
    public void importRunsTheModuleAndBindsItsName() {
        assertEquals("42\n14\n", out("import mathx\nprint mathx.VALUE\nprint mathx.twice(7)",
                "mathx.peb", "VALUE = 42\ndef twice(x):\n    return x * 2\n"));
    }

    @Test
    public void nestedImportBindsTheOutermostName() {
        assertEquals("8\n8\n<module pkg>\n", out("import pkg.ops\nprint pkg.ops.VALUE\nprint pkg.ops.dec(9)\nprint pkg",
                "pkg/ops.peb", "VALUE = 8\ndef dec(x):\n    return x - 1\n"));
    }

    @Test
    public void deeplyNestedImport() {
        assertEquals("deep\n", out("import a.b.c\nprint a.b.c.NAME", "a/b/c.peb", "NAME = \"deep\"\n"));
    }

    @Test
    public void twoSubmodulesOfOnePackage() {
        assertEquals("1\n2\n", out("import pkg.one\nimport pkg.two\nprint pkg.one.N\nprint pkg.two.N",
                "pkg/one.peb", "N = 1\n", "pkg/two.peb", "N = 2\n"));
    }

    @Test
    public void moduleRunsOncePerProcess() {
        assertEquals("loading\n1\n", out("import noisy\nimport noisy\nimport noisy as again\nprint again.N",
                "noisy.peb", "print \"loading\"\nN = 1\n"));
    }

    @Test
    public void moduleStateIsSharedByItsImporters() {
        assertEquals("2\n", out("import a\nimport b\nb.bump()\nprint a.get()",
                "a.peb", "import state\ndef get():\n    return state.N\n",
                "b.peb", "import state\ndef bump():\n    state.N = state.N + 1\n",
                "state.peb", "N = 1\n"));
    }

    @Test
    public void oneSearchPathWhicheverFileImports() {
        // app/main.peb imports util: the program's folder is searched, not the importer's
        Run.Result r = Run.withContext(EngineUnderTest.get(), "import app.main", List.of(), ctx -> { },
                "app/main.peb", "import util\nprint util.WHERE\n",
                "app/util.peb", "WHERE = \"beside the importer\"\n",
                "util.peb", "WHERE = \"beside the program\"\n");
        assertEquals("beside the program\n", r.all());
    }

    @Test
    public void workingDirectoryComesBeforeSystemLib() {
        assertEquals("mine\n", out("import memory\nprint memory.WHO", "memory.peb", "WHO = \"mine\"\n"));
    }

    @Test
    public void systemLibIsSearchedLast() {
        assertEquals("3\n", out("import memory\nprint memory.init(3)"));
    }

    @Test
    public void aPackageModuleImportsItsSiblingByItsFullName() {
        assertEquals("7\n", out("import tools.calc\nprint tools.calc.seven()",
                "tools/calc.peb", "import tools.helper\ndef seven():\n    return tools.helper.SEVEN\n",
                "tools/helper.peb", "SEVEN = 7\n"));
    }

    @Test
    public void aBareSiblingNameIsNotSearchedBesideTheImporter() {
        assertEquals("tools/calc.peb:1: unknown module 'helper'", error("import tools.calc",
                "tools/calc.peb", "import helper\n", "tools/helper.peb", "SEVEN = 7\n"));
    }

    @Test
    public void unknownModule() {
        fails("import nosuch", "main.peb:1: unknown module 'nosuch'");
    }

    @Test
    public void unknownModuleMember() {
        assertEquals("main.peb:2: module 'm' has no member 'nope'", error("import m\nprint m.nope", "m.peb", "X = 1\n"));
    }

    @Test
    public void callingAnUnknownModuleFunction() {
        assertEquals("main.peb:2: module 'm' has no callable member 'nope'",
                error("import m\nm.nope()", "m.peb", "X = 1\n"));
    }

    @Test
    public void circularImportIsAnError() {
        assertEquals("b.peb:1: circular import for module 'a'",
                error("import a", "a.peb", "import b\n", "b.peb", "import a\n"));
    }

    @Test
    public void failedImportIsNotCachedHalfDone() {
        assertEquals("line 2: boom\nline 2: boom\n", out("""
                try:
                    import bad
                except err:
                    print err
                try:
                    import bad
                except err:
                    print err
                """, "bad.peb", "X = 1\nraise \"boom\"\n"));
    }

    @Test
    public void errorInsideAModuleNamesTheModuleFile() {
        assertEquals("lib.peb:2: division by zero",
                error("import lib\nlib.f()", "lib.peb", "def f():\n    return 1 / 0\n"));
    }

    @Test
    public void syntaxErrorInAModuleNamesTheModuleFile() {
        assertEquals("broken.peb:1: expected an indented block", error("import broken", "broken.peb", "if 1:\nx = 2\n"));
    }

    @Test
    public void moduleFunctionsSeeTheirOwnGlobals() {
        assertEquals("module\nmain\n", out("NAME = \"main\"\nimport m\nprint m.name()\nprint NAME",
                "m.peb", "NAME = \"module\"\ndef name():\n    return NAME\n"));
    }

    @Test
    public void fromImport() {
        assertEquals("8\nhelper-module\n", out("from helper import twice, NAME\nprint twice(4)\nprint NAME",
                "helper.peb", "NAME = \"helper-module\"\ndef twice(x):\n    return x * 2\n"));
    }

    @Test
    public void fromImportOfAMissingName() {
        assertEquals("main.peb:1: module 'helper' has no member 'nope'",
                error("from helper import nope", "helper.peb", "X = 1\n"));
    }

    @Test
    public void fromImportOfABuiltinModule() {
        prints("from math import sqrt\nprint sqrt(17)", "4");
    }

    @Test
    public void importAsBindsOnlyTheAlias() {
        assertEquals("10\nmain.peb:3: unknown variable 'helper'\n", run("import helper as h\nprint h.twice(5)\nprint helper",
                "helper.peb", "def twice(x):\n    return x * 2\n").all());
    }

    @Test
    public void importAsOfADottedNameBindsTheLeaf() {
        assertEquals("7\n", out("import pkg.ops as o\nprint o.N", "pkg/ops.peb", "N = 7\n"));
    }

    @Test
    public void importInsideAFunctionBindsALocal() {
        prints("def f():\n    import math\n    return math.sqrt(16)\nprint f()", "4");
    }
}
