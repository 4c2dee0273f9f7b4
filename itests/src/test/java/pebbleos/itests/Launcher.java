package pebbleos.itests;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Boots an exported image as a whole process ({@code java -jar
 * distro/target/IMAGE.jar ...}), the way a user does, and collects its exit
 * status and output.
 */
final class Launcher {
    private Launcher() {
    }

    /** A finished boot. */
    record Result(int status, String out, String err) {
    }

    static File image(String name) {
        return new File(Images.ROOT + "/distro/target/" + name + ".jar").getAbsoluteFile();
    }

    static Path freshRoot(String name) throws IOException {
        Path base = Path.of("target", "launcher").toAbsolutePath();
        Files.createDirectories(base);
        return Files.createTempDirectory(base, name + "-");
    }

    /** Boot {@code image} with these arguments (after {@code java -jar}), stdin from {@code input}. */
    static Result run(String image, List<String> jvmOptions, String input, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(image(image).toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        Path out = Files.createTempFile("launcher", ".out");
        Path err = Files.createTempFile("launcher", ".err");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("image " + image + " did not end: " + String.join(" ", args));
        }
        Result r = new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
        return r;
    }
}
