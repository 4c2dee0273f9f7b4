package pebbleos.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.Test;

import pebbleos.lang.core.syntax.Parser;

/**
 * The Pebble kernel layer is the only Pebble code of the system that names
 * syscalls (docs/abi.md): the shell, the runtime, the libraries and the
 * commands import {@code system/kernel/*.peb} instead. And docs/abi.md's
 * tables are what the live syscall table and the kernel modules make.
 */
public class KernelLayerIT {
    private static final Path ROOT = ShellScriptsIT.ROOT;

    /** A call of the builtin: {@code syscall(} not preceded by a name character. */
    private static final Pattern RAW = Pattern.compile("(?<![A-Za-z0-9_.])syscall\\s*\\(");

    /** Every Pebble file of the system image, in every bundle. */
    private static List<Path> systemSources() throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> bundles = Files.list(ROOT)) {
            for (Path bundle : bundles.sorted().toList()) {
                Path system = bundle.resolve("src/main/resources/system");
                if (!Files.isDirectory(system)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(system)) {
                    files.filter(p -> p.toString().endsWith(".peb")).sorted().forEach(out::add);
                }
            }
        }
        return out;
    }

    @Test
    public void noSyscallOutsideTheKernelLayer() throws IOException {
        List<Path> sources = systemSources();
        assertTrue("the scan found the system's sources under " + ROOT, sources.size() > 100);
        List<String> offenders = new ArrayList<>();
        for (Path file : sources) {
            String relative = ROOT.relativize(file).toString();
            if (relative.contains("/system/kernel/")) {
                continue;
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String code = Parser.stripComment(lines.get(i));
                if (RAW.matcher(code).find()) {
                    offenders.add(relative + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        assertEquals("raw syscall( outside system/kernel/: import a kernel module (docs/abi.md) instead",
                List.of(), offenders);
    }

    @Test
    public void abiTablesAreTheLiveTable() throws Exception {
        ProcessBuilder pb = new ProcessBuilder("python3", ROOT.resolve("tools/abi-docs").toString(), "--check");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue("tools/abi-docs did not end", p.waitFor(300, TimeUnit.SECONDS));
        assertEquals(out, 0, p.exitValue());
    }
}
