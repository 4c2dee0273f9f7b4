package pebbleos.lang.vm;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.Test;

import pebbleos.lang.vm.store.BytecodeFile;
import pebbleos.lang.vm.store.CodeCache;

/** Compiled files: they run, a damaged or foreign one is refused with a clear error, and the caches work. */
public class BytecodeFileTest {
    private static final String SOURCE = "def sq(x):\n    return x * x\nprint sq(12)\nprint 'big ' + str(2 ** 80)\n";

    private static String runFile(Path root, String name) {
        HookedContext ctx = new HookedContext(root);
        return Programs.shown(ctx, () -> new VmEngine().load(ctx, "/" + name, List.of(name)).run());
    }

    @Test
    public void compiledFileRunsLikeItsSource() throws Exception {
        byte[] bytes = new VmEngine().compile("sq.peb", SOURCE);
        String text = new String(bytes, StandardCharsets.US_ASCII);
        assertTrue(text.startsWith(BytecodeFile.MAGIC_LINE + " "));
        Path root = Programs.root(SOURCE);
        Files.write(root.resolve("sq.pbc"), bytes);
        assertEquals("144\nbig 1208925819614629174706176\n", runFile(root, "sq.pbc"));
    }

    @Test
    public void errorsInACompiledFileNameTheSourceLine() throws Exception {
        Path root = Programs.root("");
        Files.write(root.resolve("bad.pbc"), new VmEngine().compile("bad.peb", "x = 1\nprint x / 0\n"));
        assertEquals("bad.peb:2: division by zero\n", runFile(root, "bad.pbc"));
    }

    @Test
    public void damagedAndForeignFilesAreRefusedClearly() throws Exception {
        String good = new String(new VmEngine().compile("sq.peb", SOURCE), StandardCharsets.US_ASCII);
        Path root = Programs.root("");
        int mid = good.length() / 2;
        char c = good.charAt(mid) == 'A' ? 'B' : 'A';
        String[] bad = {good.substring(0, mid) + c + good.substring(mid + 1), good.substring(0, good.length() / 2),
            BytecodeFile.MAGIC_LINE + " 1\n!!! not base64 !!!\n", BytecodeFile.MAGIC_LINE + " 99\nAAAA\n",
            BytecodeFile.MAGIC_LINE + " 1\n" + java.util.Base64.getEncoder().encodeToString("hello world".getBytes())};
        for (String text : bad) {
            Files.writeString(root.resolve("x.pbc"), text);
            String shown = runFile(root, "x.pbc");
            assertTrue(shown, shown.startsWith("x.pbc: "));
            assertTrue(shown, shown.contains("not a valid Pebble bytecode file") || shown.contains("not supported"));
        }
    }

    @Test
    public void secondCompileHitsTheMemoryCacheAndAFreshCacheReadsTheDisk() throws Exception {
        Path dir = Files.createTempDirectory("pebble-bytecode-cache");
        CodeCache first = new CodeCache();
        first.useDirectory(dir);
        first.compile("a.peb", SOURCE);
        first.compile("a.peb", SOURCE);
        assertEquals(1, first.compiled.get());
        CodeCache afterBoot = new CodeCache();
        afterBoot.useDirectory(dir);
        afterBoot.compile("a.peb", SOURCE);
        assertEquals(0, afterBoot.compiled.get());
        assertEquals(1, afterBoot.loadedFromDisk.get());
        // a damaged entry is dropped and the source compiled again
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.writeString(p, "garbage");
            }
        }
        CodeCache damaged = new CodeCache();
        damaged.useDirectory(dir);
        damaged.compile("a.peb", SOURCE);
        assertEquals(1, damaged.compiled.get());
    }
}
