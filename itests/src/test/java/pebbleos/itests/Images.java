package pebbleos.itests;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.workingDirectory;

import java.io.File;

import org.ops4j.pax.exam.Option;

/**
 * Building blocks for Pax Exam configurations: each test class boots Felix
 * with just the bundles it tests. PebbleOS bundles come from the reactor's
 * target folders ({@code mvn verify} does not install them).
 */
final class Images {
    private Images() {
    }

    static final String ROOT = System.getProperty("pebbleos.root", "..");
    static final String VERSION = System.getProperty("pebbleos.version", "0.1.0");

    /** The JAR a reactor module built. */
    static File jar(String module) {
        return new File(ROOT + "/" + module + "/target/" + module + "-" + VERSION + ".jar").getAbsoluteFile();
    }

    /** A PebbleOS bundle of the reactor. */
    static Option pebble(String module) {
        return bundle(jar(module).toURI().toString());
    }

    /** The framework services every image has: Declarative Services and its API bundles. */
    static Option declarativeServices() {
        return composite(
                mavenBundle("org.osgi", "org.osgi.util.function").versionAsInProject(),
                mavenBundle("org.osgi", "org.osgi.util.promise").versionAsInProject(),
                mavenBundle("org.osgi", "org.osgi.service.component").versionAsInProject(),
                mavenBundle("org.apache.felix", "org.apache.felix.scr").versionAsInProject());
    }

    /** What every test container needs: JUnit, DS, its own working directory, quiet logs. */
    static Option base(Class<?> test) {
        return composite(
                junitBundles(),
                declarativeServices(),
                cleanCaches(true),
                workingDirectory("target/exam/" + test.getSimpleName()),
                systemProperty("felix.log.level").value("1"),
                systemProperty("org.ops4j.pax.logging.DefaultServiceLog.level").value("WARN"),
                systemProperty("ds.loglevel").value("warn"),
                systemProperty("pebbleos.root").value(ROOT),
                systemProperty("pebbleos.version").value(VERSION));
    }
}
