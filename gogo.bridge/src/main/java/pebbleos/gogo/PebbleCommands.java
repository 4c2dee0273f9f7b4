package pebbleos.gogo;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;

import pebbleos.api.fs.FileStat;
import pebbleos.api.process.Channel;
import pebbleos.api.process.OpenFile;
import pebbleos.api.process.Processes;

/**
 * Gogo commands that reach the Pebble system: {@code pebble:sh LINE} runs a
 * shell line in a new Pebble process and returns what it printed;
 * {@code pebble:ps} and {@code pebble:lsmod} are the Pebble commands of those
 * names. Present only while the bridge is enabled (configuration
 * {@code pebbleos.gogo}).
 */
@Component(service = PebbleCommands.class, configurationPid = "pebbleos.gogo",
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = {"osgi.command.scope=pebble", "osgi.command.function=sh", "osgi.command.function=ps",
            "osgi.command.function=lsmod"})
public final class PebbleCommands {
    @Reference
    private Processes processes;

    private long timeoutSeconds;

    @Activate
    void activate(GogoConfig config) {
        timeoutSeconds = config.timeout_s();
    }

    /** Run one Pebble shell line; its output (stdout then stderr) is the result. */
    public String sh(String... words) {
        String line = String.join(" ", words);
        Capture out = new Capture();
        Map<Integer, OpenFile> fds = new HashMap<>();
        fds.put(0, new OpenFile(new Capture(), OpenFile.READ));
        fds.put(1, new OpenFile(out, OpenFile.WRITE));
        fds.put(2, new OpenFile(out, OpenFile.WRITE));
        int pid;
        try {
            String engine = processes.engines().contains("interp") ? "interp" : processes.engines().get(0);
            pid = processes.spawn(null, engine, "/system/bin/sh.peb", List.of("sh", "-c", line), fds, null, "/", 0,
                    null);
        } finally {
            fds.values().forEach(OpenFile::release);
        }
        int status = processes.waitFor(null, pid);
        String text = out.text();
        return status == 0 ? text : text + "[exit " + status + "]\n";
    }

    public String ps() {
        return sh("ps");
    }

    public String lsmod() {
        return sh("lsmod");
    }

    /** A channel that keeps what is written (and reads as empty input). */
    static final class Capture implements Channel {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public int read(byte[] buffer, int offset, int len) {
            return -1;
        }

        @Override
        public synchronized void write(byte[] buffer, int offset, int len) {
            bytes.write(buffer, offset, len);
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }

        @Override
        public FileStat stat() {
            return new FileStat("gogo", FileStat.PIPE, 0, 0, 0);
        }

        @Override
        public String describe() {
            return "gogo:[capture]";
        }

        @Override
        public void close() {
        }
    }
}
