package pebbleos.lang.vm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import pebbleos.api.engine.ExecutionEngine;
import pebbleos.api.engine.Outcome;
import pebbleos.api.process.Terminated;
import pebbleos.lang.core.testing.HostContext;

/** Runs Pebble programs for the tests: a temporary root folder, the test kernel, what the user sees. */
final class Programs {
    private Programs() {
    }

    /** A fresh root folder with {@code prog.peb} holding {@code source}. */
    static Path root(String source) {
        try {
            Path dir = Files.createTempDirectory("pebble-vm-test");
            Files.writeString(dir.resolve("prog.peb"), source);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HostContext context(Path root) {
        return new HostContext(root, HostContext.systemTree());
    }

    /** Output, then the error report if any, as {@code shared/bin/conformance} shows them. */
    static String run(ExecutionEngine engine, String source) {
        Path root = root(source);
        HostContext ctx = context(root);
        return shown(ctx, () -> engine.load(ctx, "/prog.peb", List.of("prog.peb")).run());
    }

    static String shown(HostContext ctx, java.util.function.Supplier<Outcome> body) {
        try {
            Outcome o = body.get();
            return ctx.out + (o.error() == null ? "" : o.error() + "\n");
        } catch (Terminated t) {
            return ctx.out + "[exit " + t.status() + "]\n";
        }
    }
}
