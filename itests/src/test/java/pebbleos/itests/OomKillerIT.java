package pebbleos.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Test;

/**
 * A program that grows slowly cannot take the system down. The image boots
 * under {@code -Xmx512m} (the parallel collector, as {@code ./pebbleos} runs
 * it; the heap touched at boot) with its shell reading commands from a pipe; the shell starts the
 * growing program in the background, then is asked {@code echo alive N} every
 * half second and must answer each within a second beyond the longest
 * collection pause its JVM has logged, before, while and after the heap fills
 * (a second per core's worth of the machine's load average when it is busier
 * than its cores: what is measured is that the system does not freeze, as it
 * did for minutes before, and a collection stops every thread). Without a memory limit
 * ({@code ulimit -v unlimited}) the OOM killer must end the program (and
 * nothing else: a ticking program beside it goes on) with its message on the
 * console and in {@code dmesg}, and {@code wait} gives its status 137
 * (SIGKILL); with the default limit the program gets a MemoryError it can
 * catch. Bounded: at most {@value #LIMIT_SECONDS} s each.
 */
public class OomKillerIT {
    static final long LIMIT_SECONDS = 90;
    static final long ANSWER_MILLIS = 1000;

    /** Lists of two numbers appended forever: the shape of the program that froze the system. */
    static final String GROW = String.join("\n",
            "xs = []",
            "i = 0",
            "while 1:",
            "    append(xs, [i, i + 1])",
            "    i = i + 1",
            "");

    /** Another program, which must go on while its neighbour is ended. */
    static final String TICKER = String.join("\n",
            "n = 0",
            "while n < 100000:",
            "    sleep(250)",
            "    n = n + 1",
            "    print \"tick \" + str(n)",
            "");

    /** The same, catching the MemoryError of its limit and saying so. */
    static final String GROW_CATCHING = String.join("\n",
            "xs = []",
            "i = 0",
            "try:",
            "    while 1:",
            "        append(xs, [i, i + 1])",
            "        i = i + 1",
            "except e:",
            "    words = split(e, \" \")",
            "    print \"caught \" + words[2] + \" \" + join(words[5:], \" \")",
            "xs = []",
            "print \"still running\"",
            "");

    /** One booted system whose shell reads from a pipe, with what it writes, line by line, as it comes. */
    static final class Session implements AutoCloseable {
        final Process process;
        final OutputStream in;
        final List<String> out = new ArrayList<>();
        final List<String> err = new ArrayList<>();
        final Map<String, Long> seen = new ConcurrentHashMap<>();
        /** The JVM's collection pauses, one line each (unified logging writes each as it ends). */
        final Path gcLog;

        Session(Path root) throws IOException {
            gcLog = Files.createTempFile("oom-it-gc", ".log");
            // the heap committed and touched at boot: on a virtual machine whose host takes
            // freed memory back, first touching it costs up to ~3 ms per MB, paid inside the
            // collections that grow the heap (answers took 1.1-1.5 s, on any build, once the
            // host had it back); what is measured is the system, not the host's paging
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xms512m", "-Xmx512m", "-XX:+AlwaysPreTouch", "-XX:+UseParallelGC",
                    "-Xlog:gc:file=" + gcLog, "-jar",
                    Launcher.image("pebbleos").toString(),
                    "--root", root.toString());
            process = new ProcessBuilder(command).start();
            in = process.getOutputStream();
            pump(process.getInputStream(), out);
            pump(process.getErrorStream(), err);
        }

        private void pump(InputStream stream, List<String> lines) {
            Thread t = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        seen.putIfAbsent(line, System.nanoTime());
                        synchronized (lines) {
                            lines.add(line);
                        }
                    }
                } catch (IOException e) {
                    // the process ended
                }
            }, "oom-it-reader");
            t.setDaemon(true);
            t.start();
        }

        /** Wait until the shell has booted and answers (not timed: a boot is not what is measured). */
        void ready() throws Exception {
            send("echo ready");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!seen.containsKey("ready") && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertTrue("the shell did not start: " + text(err), seen.containsKey("ready"));
        }

        void send(String line) throws IOException {
            in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
        }

        /** Ask {@code echo alive n}; the milliseconds until the answer (fails past 10 s). */
        long alive(int n) throws Exception {
            String answer = "alive " + n;
            long sent = System.nanoTime();
            send("echo " + answer);
            long deadline = sent + TimeUnit.SECONDS.toNanos(10);
            while (!seen.containsKey(answer) && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            Long at = seen.get(answer);
            assertTrue("no answer to 'echo " + answer + "' within 10 s; stderr: " + text(err), at != null);
            return (at - sent) / 1_000_000L;
        }

        /**
         * The longest collection pause so far, in ms. The limit's check asks for
         * one full collection when a process reaches its limit (ProcessMemory),
         * and a full collection stops every thread: ~770 ms here for the 160 MB
         * the catching program holds then, answers up to 984 ms in CI.
         */
        long longestPause() throws IOException {
            long longest = 0;
            Matcher m = PAUSE.matcher(Files.readString(gcLog));
            while (m.find()) {
                longest = Math.max(longest, (long) Math.ceil(Double.parseDouble(m.group(1))));
            }
            return longest;
        }

        /** Wait (at most 10 s) until {@code line} has been written. */
        void await(String line) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!seen.containsKey(line) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertTrue("no '" + line + "' within 10 s; stdout:\n" + text(out) + "\nstderr:\n" + text(err),
                    seen.containsKey(line));
        }

        /** The highest N of the {@code tick N} lines seen so far. */
        int ticks() {
            synchronized (out) {
                return out.stream().filter(l -> l.matches("tick \\d+")).mapToInt(l -> Integer.parseInt(l.substring(5)))
                        .max().orElse(0);
            }
        }

        boolean saw(List<String> lines, String part) {
            synchronized (lines) {
                return lines.stream().anyMatch(l -> l.contains(part));
            }
        }

        static String text(List<String> lines) {
            synchronized (lines) {
                return String.join("\n", lines);
            }
        }

        @Override
        public void close() throws Exception {
            try {
                send("exit");
            } catch (IOException e) {
                // gone already
            }
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            Files.deleteIfExists(gcLog);
        }
    }

    /** At most this much of a pause is allowed for: a collection that stops the system longer fails too. */
    static final long PAUSE_ALLOWANCE_MILLIS = 2000;

    /** A collection pause as unified logging prints it: "... Pause Full (System.gc()) 160M->160M(491M) 770.734ms". */
    static final Pattern PAUSE = Pattern.compile("Pause .* (\\d+(?:\\.\\d+)?)ms$", Pattern.MULTILINE);

    /**
     * A second, or a second per core's worth of load on a machine busier than
     * its cores, beyond the longest collection pause the session's JVM has
     * had (up to {@link #PAUSE_ALLOWANCE_MILLIS}): what is measured is that
     * the shell itself does not stall, and a collection stops it with
     * everything else.
     */
    static long answerBound(Session s) throws IOException {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        int cores = Runtime.getRuntime().availableProcessors();
        long pause = Math.min(s.longestPause(), PAUSE_ALLOWANCE_MILLIS);
        return (long) (ANSWER_MILLIS * Math.max(1.0, load / cores)) + pause;
    }

    @Test
    public void theOomKillerEndsTheGrowingProgramAndTheShellKeepsAnswering() throws Exception {
        Path root = Launcher.freshRoot("oom");
        Files.writeString(root.resolve("grow.peb"), GROW);
        Files.writeString(root.resolve("ticker.peb"), TICKER);
        long slowest = 0;
        long bound = 0;
        int asked = 0;
        try (Session s = new Session(root)) {
            s.ready();
            s.send("/ticker.peb &");
            s.send("ulimit -v unlimited");
            s.send("/grow.peb &");
            long start = System.nanoTime();
            int afterKill = 0;
            int ticksAtKill = -1;
            while (afterKill < 4) {
                assertTrue("no OOM kill within " + LIMIT_SECONDS + " s; stdout:\n" + Session.text(s.out)
                        + "\nstderr:\n" + Session.text(s.err),
                        System.nanoTime() - start < TimeUnit.SECONDS.toNanos(LIMIT_SECONDS));
                long ms = s.alive(++asked);
                slowest = Math.max(slowest, ms);
                bound = answerBound(s);
                assertTrue("'echo alive " + asked + "' took " + ms + " ms (bound " + bound + " ms)", ms < bound);
                if (s.saw(s.err, "Out of memory: killed process")) {
                    if (ticksAtKill < 0) {
                        ticksAtKill = s.ticks();
                    }
                    afterKill++;
                }
                Thread.sleep(500);
            }
            s.send("wait %2; echo \"grow status $?\"");
            s.await("grow status 137");
            s.send("dmesg");
            s.send("echo end of dmesg");
            s.await("end of dmesg");
            assertTrue("the ticker went on after the kill: tick " + ticksAtKill + " then " + s.ticks(),
                    s.ticks() >= ticksAtKill + 4);
            s.send("jobs");
            s.send("echo end of jobs");
            s.await("end of jobs");
            assertTrue("the ticker is still a job: " + Session.text(s.out), s.saw(s.out, "ticker.peb"));
            String console = Session.text(s.err);
            Matcher m = Pattern.compile("Out of memory: killed process (\\d+) \\((\\S+)\\)").matcher(console);
            assertTrue(console, m.find());
            assertEquals("the growing program was the one ended", "grow.peb", m.group(2));
            String pid = m.group(1);
            assertTrue("one process ended, no other: " + console, !m.find());
            assertTrue("dmesg has the kill: " + Session.text(s.out),
                    s.saw(s.out, "Out of memory: killed process " + pid + " (grow.peb)"));
        }
        System.out.printf("OOM killer under -Xmx512m: %d answers, the slowest in %d ms (bound %d ms)%n", asked, slowest,
                bound);
    }

    @Test
    public void withTheDefaultLimitTheProgramCatchesItsMemoryError() throws Exception {
        Path root = Launcher.freshRoot("memory-error");
        Files.writeString(root.resolve("grow.peb"), GROW_CATCHING);
        long slowest = 0;
        int asked = 0;
        try (Session s = new Session(root)) {
            s.ready();
            s.send("/grow.peb &");
            long start = System.nanoTime();
            while (!s.saw(s.out, "still running")) {
                assertTrue("no MemoryError within " + LIMIT_SECONDS + " s; stdout:\n" + Session.text(s.out)
                        + "\nstderr:\n" + Session.text(s.err),
                        System.nanoTime() - start < TimeUnit.SECONDS.toNanos(LIMIT_SECONDS));
                long ms = s.alive(++asked);
                slowest = Math.max(slowest, ms);
                long bound = answerBound(s);
                assertTrue("'echo alive " + asked + "' took " + ms + " ms (bound " + bound + " ms)", ms < bound);
                Thread.sleep(500);
            }
            assertTrue(Session.text(s.out), s.saw(s.out, "caught MemoryError: exceeded its memory limit ("));
            assertTrue("nothing was killed: " + Session.text(s.err), !s.saw(s.err, "Out of memory"));
            assertTrue(s.alive(++asked) < answerBound(s));
        }
        System.out.printf("MemoryError at the default limit under -Xmx512m: %d answers, the slowest in %d ms%n",
                asked, slowest);
    }
}
