package pebbleos.kernel.syscall;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The host's load averages over 1, 5 and 15 minutes, for {@code uptime}: all
 * PebbleOS processes are threads of one JVM, so the machine's load is the
 * load there is. Linux says all three in {@code /proc/loadavg}; elsewhere the
 * JVM knows the last minute's only, and the others are -1.
 */
final class LoadAverage {
    private static final Path LINUX = Path.of("/proc/loadavg");

    private LoadAverage() {
    }

    static double[] read() {
        try {
            String[] fields = Files.readString(LINUX, StandardCharsets.US_ASCII).trim().split("\\s+");
            if (fields.length >= 3) {
                return new double[] {Double.parseDouble(fields[0]), Double.parseDouble(fields[1]),
                        Double.parseDouble(fields[2])};
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or not readable: what the JVM knows
        }
        double one = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return new double[] {one < 0 ? -1.0 : one, -1.0, -1.0};
    }
}
