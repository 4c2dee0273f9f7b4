package pebbleos.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.Test;

/**
 * Composing an image from scratch, as docs/images.md tells: a bndrun that
 * includes cnf/image.bnd and names what the image needs, resolved and
 * exported by the bnd plugins the build uses, over the image repository the
 * build leaves in distro/target/repository (here in a project of its own, so
 * the test needs no reactor). An image of hostfs and the VM boots with just
 * those; one that takes away every engine fails to resolve, naming the
 * missing capability.
 */
public class ImageComposeIT {
    private static final Path ROOT = ShellScriptsIT.ROOT;
    private static final Path REPOSITORY = ROOT.resolve("distro/target/repository");

    /** A project of one image: its pom (the bnd plugins over the image repository) and its bndrun. */
    private static Path project(String name, String runrequires, String extra) throws Exception {
        Path dir = Launcher.freshRoot("compose-" + name);
        StringBuilder bundles = new StringBuilder();
        try (Stream<Path> jars = Files.list(REPOSITORY)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                bundles.append("<bundle>").append(jar).append("</bundle>");
            }
        }
        String bnd = System.getProperty("pebbleos.bnd.version", "7.1.0");
        String embedded = System.getProperty("pebbleos.bnd.embedded.version", "7.2.0");
        Files.writeString(dir.resolve("pom.xml"), String.join("\n",
                "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><modelVersion>4.0.0</modelVersion>",
                "<groupId>compose</groupId><artifactId>" + name + "</artifactId><version>1</version>",
                "<packaging>pom</packaging><build><plugins>",
                "<plugin><groupId>biz.aQute.bnd</groupId><artifactId>bnd-resolver-maven-plugin</artifactId>",
                "<version>" + bnd + "</version><configuration><bndruns><include>*.bndrun</include></bndruns>",
                "<failOnChanges>false</failOnChanges><useMavenDependencies>false</useMavenDependencies>",
                "<bundles>" + bundles + "</bundles></configuration>",
                "<executions><execution><phase>package</phase><goals><goal>resolve</goal></goals></execution></executions></plugin>",
                "<plugin><groupId>biz.aQute.bnd</groupId><artifactId>bnd-export-maven-plugin</artifactId>",
                "<version>" + bnd + "</version><configuration><bndruns><include>*.bndrun</include></bndruns>",
                "<resolve>false</resolve><useMavenDependencies>false</useMavenDependencies>",
                "<bundles>" + bundles + "</bundles></configuration>",
                "<dependencies><dependency><groupId>biz.aQute.bnd</groupId><artifactId>biz.aQute.bnd.embedded-repo</artifactId>",
                "<version>" + embedded + "</version></dependency></dependencies>",
                "<executions><execution><phase>package</phase><goals><goal>export</goal></goals></execution></executions></plugin>",
                "</plugins></build></project>", ""));
        Files.writeString(dir.resolve(name + ".bndrun"), String.join("\n",
                "-include: " + ROOT.resolve("cnf/image.bnd"),
                "-runrequires: " + runrequires,
                extra, ""));
        return dir;
    }

    /** {@code mvn package} in the image's project; its status and output. */
    private static Launcher.Result build(Path project) throws Exception {
        List<String> command = new ArrayList<>(List.of("mvn", "-B", "-q", "-o", "-Dstyle.color=never", "package"));
        String local = System.getProperty("org.ops4j.pax.url.mvn.localRepository");
        if (local != null && !local.isBlank()) {
            command.add("-Dmaven.repo.local=" + local);
        }
        ProcessBuilder pb = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true);
        pb.environment().put("MAVEN_OPTS", "-Djansi.noreset=true");
        Path log = project.resolve("build.log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("mvn package did not end in " + project);
        }
        return new Launcher.Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8), "");
    }

    @Test
    public void anImageOfHostfsAndTheVmIsComposedResolvedExportedAndBoots() throws Exception {
        Path project = project("tiny", "bnd.identity;id='kernel.proc',bnd.identity;id='kernel.fs',"
                + "bnd.identity;id='fs.hostfs',bnd.identity;id='lang.vm'", "");
        Launcher.Result built = build(project);
        assertEquals(built.out(), 0, built.status());
        String bndrun = Files.readString(project.resolve("tiny.bndrun"));
        assertTrue("the resolver wrote -runbundles back:\n" + bndrun, bndrun.contains("-runbundles:"));
        File image = project.resolve("target/tiny.jar").toFile();
        assertTrue(image + " exported", image.isFile());

        List<String> java = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                image.toString());
        Launcher.Result bundles = run(java, "--bundles");
        assertEquals(bundles.err(), 0, bundles.status());
        for (String wanted : List.of(" kernel.proc ", " kernel.fs ", " fs.hostfs ", " lang.vm ", " system ")) {
            assertTrue(wanted + " in\n" + bundles.out(), bundles.out().contains(wanted));
        }
        for (String absent : List.of("lang.interp", "fs.mfs", "fs.vfs", "tty.console", "gogo", "kernel.service")) {
            assertFalse(absent + " in\n" + bundles.out(), bundles.out().contains(absent));
        }
        Path disk = Launcher.freshRoot("tiny-disk");
        Launcher.Result boot = run(java, "--root", disk.toString(), "-c", "echo composed; echo 'print 6 * 7' > p.peb; exec p.peb");
        assertEquals(boot.err(), 0, boot.status());
        assertEquals("composed\n42\n", boot.out());
    }

    @Test
    public void anImageWithoutAnEngineFailsToResolveNamingTheCapability() throws Exception {
        Path project = project("noengine", "bnd.identity;id='kernel.proc',bnd.identity;id='kernel.fs',"
                + "bnd.identity;id='fs.hostfs'",
                "-runblacklist: bnd.identity;id='lang.interp',bnd.identity;id='lang.vm'");
        Launcher.Result built = build(project);
        assertTrue(built.out(), built.status() != 0);
        assertTrue(built.out(), built.out().contains("missing requirement"));
        assertTrue(built.out(), built.out().contains("osgi.service"));
        assertTrue(built.out(), built.out().contains("objectClass=pebbleos.api.engine.ExecutionEngine"));
        assertFalse("nothing exported", Files.exists(project.resolve("target/noengine.jar")));
    }

    private static Launcher.Result run(List<String> java, String... args) throws Exception {
        List<String> command = new ArrayList<>(java);
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        Path out = Files.createTempFile("compose", ".out");
        Path err = Files.createTempFile("compose", ".err");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the composed image did not end");
        }
        return new Launcher.Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
