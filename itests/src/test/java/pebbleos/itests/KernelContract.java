package pebbleos.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import pebbleos.api.process.OpenFile;
import pebbleos.api.process.Processes;
import pebbleos.api.process.Signals;

/**
 * What the process kernel must do whichever engine runs the programs:
 * threads joined with their outputs, a mutex-protected counter, 200
 * concurrent processes reaped without leaks, signals at safe points,
 * stop/continue, pipes that end when the reader goes.
 */
abstract class KernelContract {
    /** The engine the programs run on. */
    abstract String engine();

    static final String TWO_THREADS = String.join("\n",
            "source_a = 'print \"alpha tick 10\"\\n' + 'print \"alpha done\"\\n'",
            "source_b = 'print \"beta tick 20\"\\n' + 'print \"beta done\"\\n'",
            "tid_a = thread_spawn_source(\"alpha-worker\", source_a, [])",
            "tid_b = thread_spawn_source(\"beta-worker\", source_b, [])",
            "record_a = thread_join(tid_a)",
            "record_b = thread_join(tid_b)",
            "print \"joined alpha state=\" + record_a[\"state\"]",
            "print \"joined beta state=\" + record_b[\"state\"]",
            "print \"alpha outputs=\" + str(record_a[\"outputs\"])",
            "print \"beta outputs=\" + str(record_b[\"outputs\"])",
            "");

    void threadsExampleJoinsWithOutputs() {
        Kernel.Run r = Kernel.run(engine(), TWO_THREADS);
        assertEquals(r.err(), 0, r.status());
        assertEquals("joined alpha state=halted\njoined beta state=halted\n"
                + "alpha outputs=[alpha tick 10, alpha done]\nbeta outputs=[beta tick 20, beta done]\n", r.out());
    }

    void eightThreadsCountUnderAMutex() {
        Kernel.Run r = Kernel.run(engine(), String.join("\n",
                "COUNTER = {\"n\": 0}",
                "M = mutex_create()",
                "def work(count):",
                "    i = 0",
                "    while i < count:",
                "        mutex_lock(M)",
                "        COUNTER[\"n\"] = COUNTER[\"n\"] + 1",
                "        mutex_unlock(M)",
                "        i = i + 1",
                "    return count",
                "tids = []",
                "for k in range(8):",
                "    append(tids, thread_spawn(work, [10000]))",
                "total = 0",
                "for t in tids:",
                "    total = total + thread_join(t)[\"result\"]",
                "print COUNTER[\"n\"]",
                "print total",
                ""));
        assertEquals(r.err(), "80000\n80000\n", r.out());
    }

    void twoHundredProcessesAreReapedWithoutLeaks() throws Exception {
        Processes processes = FsImages.service(Processes.class);
        Kernel.run(engine(), "print 1\n"); // warm up the engine and the runtime API
        int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
        CaptureChannel out = new CaptureChannel("out");
        CaptureChannel err = new CaptureChannel("err");
        OpenFile probe = new OpenFile(out, OpenFile.WRITE);
        List<Integer> pids = new ArrayList<>();
        Map<Integer, Integer> expected = new HashMap<>();
        for (int i = 0; i < 200; i++) {
            int pid = Kernel.spawn(processes, engine(), "x = " + i + " * 2\nexit(" + (i % 97) + ")\n", out, err);
            pids.add(pid);
            expected.put(pid, i % 97);
        }
        for (int pid : pids) {
            assertEquals("exit status of " + pid, (int) expected.get(pid), processes.waitFor(null, pid));
        }
        assertEquals(err.text(), "", err.text());
        // every descriptor the children held on the channel has been released
        assertEquals(1, probe.references());
        long deadline = System.currentTimeMillis() + 5000;
        int threadsAfter = ManagementFactory.getThreadMXBean().getThreadCount();
        while (threadsAfter > threadsBefore + 2 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            threadsAfter = ManagementFactory.getThreadMXBean().getThreadCount();
        }
        assertTrue("threads before " + threadsBefore + ", after " + threadsAfter, threadsAfter <= threadsBefore + 2);
        System.out.printf("200 processes on %s: threads before %d, after %d%n", engine(), threadsBefore, threadsAfter);
    }

    void interruptStopsARunawayLoopQuickly() throws Exception {
        Processes processes = FsImages.service(Processes.class);
        CaptureChannel out = new CaptureChannel("out");
        int pid = Kernel.spawn(processes, engine(), "print \"started\"\nwhile 1:\n    pass\n", out,
                new CaptureChannel("err"));
        waitForText(out, "started");
        Thread.sleep(200);
        long start = System.nanoTime();
        processes.signal(pid, Signals.SIGINT);
        int status = processes.waitFor(null, pid);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(128 + Signals.SIGINT, status);
        assertTrue("stopped after " + ms + " ms", ms < 100);
        System.out.printf("SIGINT on %s: the loop ended after %d ms%n", engine(), ms);
    }

    void stopAndContinueResumeWhereItWas() throws Exception {
        Processes processes = FsImages.service(Processes.class);
        CaptureChannel out = new CaptureChannel("out");
        int pid = Kernel.spawn(processes, engine(), String.join("\n",
                "i = 0",
                "while i < 400:",
                "    print i",
                "    i = i + 1",
                "    syscall(\"clock_sleep\", 5)",
                ""), out, new CaptureChannel("err"));
        waitForText(out, "20\n");
        processes.signal(pid, Signals.SIGTSTP);
        Thread.sleep(100);
        int frozen = lines(out);
        Thread.sleep(300);
        assertEquals("no progress while stopped", frozen, lines(out));
        processes.signal(pid, Signals.SIGCONT);
        assertEquals(0, processes.waitFor(null, pid));
        String[] printed = out.text().split("\n");
        assertEquals(400, printed.length);
        for (int i = 0; i < printed.length; i++) {
            assertEquals("line " + i, String.valueOf(i), printed[i]);
        }
    }

    void aWriterEndsWhenItsReaderHasGone() {
        Kernel.Run r = Kernel.run(engine(), String.join("\n",
                "p = syscall(\"proc_pipe\")",
                "yes = \"while 1:\\n    print \\\"y\\\"\\n\"",
                "head = \"i = 0\\nwhile i < 3:\\n    print strip(syscall(\\\"fd_readline\\\", 0))\\n    i = i + 1\\n\"",
                "w = syscall(\"proc_spawn\", \"/yes.peb\", [\"yes\"], {\"fds\": {0: 0, 1: p[1], 2: 2}, \"source\": yes})",
                "r = syscall(\"proc_spawn\", \"/head.peb\", [\"head\"], {\"fds\": {0: p[0], 1: 1, 2: 2}, \"source\": head})",
                "syscall(\"fd_close\", p[0])",
                "syscall(\"fd_close\", p[1])",
                "print syscall(\"proc_wait\", r)[\"status\"]",
                "print syscall(\"proc_wait\", w)[\"signal\"]",
                ""));
        assertEquals(r.err(), "y\ny\ny\n0\n13\n", r.out());
    }

    /** A program that writes into a pipe nobody reads: by print, or by fd_write as the userland does. */
    static final String FLOOD_PRINT = "while 1:\\n    print \\\"y\\\"\\n";
    static final String FLOOD_WRITE = "while 1:\\n    syscall(\\\"fd_write\\\", 1, \\\"y\\\\n\\\")\\n";

    void aWriterBlockedOnAFullPipeEndsAtOnceWhenSignalled() {
        for (String writer : List.of(FLOOD_PRINT, FLOOD_WRITE)) {
            Kernel.Run r = Kernel.run(engine(), String.join("\n",
                    "p = syscall(\"proc_pipe\")",
                    "w = syscall(\"proc_spawn\", \"/w.peb\", [\"w\"], {\"fds\": {0: 0, 1: p[1], 2: 2}, \"source\": \""
                            + writer + "\"})",
                    "syscall(\"fd_close\", p[1])",
                    "state = \"\"",
                    "tries = 0",
                    "while state != \"blocked-output\" and tries < 1000:",
                    "    syscall(\"clock_sleep\", 10)",
                    "    state = syscall(\"proc_info\", w)[\"state\"]",
                    "    tries = tries + 1",
                    "print state",
                    "start = syscall(\"clock_monotonic_ns\")",
                    "syscall(\"proc_kill\", w, \"INT\")",
                    "ended = syscall(\"proc_wait\", w, {\"nohang\": 1})",
                    "while ended == None and (syscall(\"clock_monotonic_ns\") - start) < 3000000000:",
                    "    syscall(\"clock_sleep\", 5)",
                    "    ended = syscall(\"proc_wait\", w, {\"nohang\": 1})",
                    "if ended == None:",
                    "    syscall(\"proc_kill\", w, \"KILL\")",
                    "    print \"still running after SIGINT\"",
                    "else:",
                    "    print ended[\"signal\"]",
                    "ms = (syscall(\"clock_monotonic_ns\") - start) / 1000000",
                    "print ms < 1000",
                    ""));
            assertEquals(r.err(), "blocked-output\n2\n1\n", r.out());
        }
    }

    void aWriterStoppedWhileBlockedGoesOnWithoutLosingOrRepeating() {
        Kernel.Run r = Kernel.run(engine(), String.join("\n",
                "p = syscall(\"proc_pipe\")",
                "src = \"for i in range(30000):\\n    print i\\n\"",
                "w = syscall(\"proc_spawn\", \"/w.peb\", [\"w\"], {\"fds\": {0: 0, 1: p[1], 2: 2}, \"source\": src})",
                "syscall(\"fd_close\", p[1])",
                "tries = 0",
                "while syscall(\"proc_info\", w)[\"state\"] != \"blocked-output\" and tries < 1000:",
                "    syscall(\"clock_sleep\", 10)",
                "    tries = tries + 1",
                "syscall(\"proc_kill\", w, \"TSTP\")",
                "syscall(\"clock_sleep\", 100)",
                "print syscall(\"proc_info\", w)[\"state\"]",
                "syscall(\"proc_kill\", w, \"CONT\")",
                "expected = 0",
                "line = syscall(\"fd_readline\", p[0])",
                "while line != \"\":",
                "    if int(strip(line)) != expected:",
                "        print \"line \" + str(expected) + \" is \" + line",
                "        break",
                "    expected = expected + 1",
                "    line = syscall(\"fd_readline\", p[0])",
                "print expected",
                "print syscall(\"proc_wait\", w)[\"status\"]",
                ""));
        assertEquals(r.err(), "stopped\n30000\n0\n", r.out());
    }

    void aWriterByFdWriteGetsSigpipe() {
        Kernel.Run r = Kernel.run(engine(), String.join("\n",
                "p = syscall(\"proc_pipe\")",
                "w = syscall(\"proc_spawn\", \"/w.peb\", [\"w\"], {\"fds\": {0: 0, 1: p[1], 2: 2}, \"source\": \""
                        + FLOOD_WRITE + "\"})",
                "syscall(\"fd_close\", p[1])",
                "print strip(syscall(\"fd_readline\", p[0]))",
                "syscall(\"fd_close\", p[0])",
                "r = syscall(\"proc_wait\", w)",
                "print r[\"signal\"]",
                "print r[\"status\"]",
                ""));
        assertEquals(r.err(), "y\n13\n141\n", r.out());
    }

    void aForegroundSpawnOwnsTheTerminalFromItsFirstInstruction() {
        Kernel.Run r = Kernel.run(engine(), String.join("\n",
                "syscall(\"proc_tcsetpgrp\", syscall(\"proc_getpgid\"))",
                "probe = \"if syscall(\\\"proc_tcgetpgrp\\\") == syscall(\\\"proc_getpgid\\\"):\\n    print \\\"owner\\\"\\n\"",
                "probe = probe + \"else:\\n    print \\\"not owner\\\"\\n\"",
                "options = {\"pgid\": 0, \"foreground\": 1, \"source\": probe}",
                "for i in range(20):",
                "    child = syscall(\"proc_spawn\", \"/probe.peb\", [\"probe\"], options)",
                "    syscall(\"proc_wait\", child)",
                "    syscall(\"proc_tcsetpgrp\", syscall(\"proc_getpgid\"))",
                "background = syscall(\"proc_spawn\", \"/probe.peb\", [\"probe\"], {\"pgid\": 0, \"source\": probe})",
                "syscall(\"proc_wait\", background)",
                ""));
        assertEquals(r.err(), "owner\n".repeat(20) + "not owner\n", r.out());
    }

    void recursionEndsInACleanError() {
        Kernel.Run r = Kernel.run(engine(), "def f(n):\n    return f(n + 1)\nf(0)\n");
        assertEquals(1, r.status());
        assertTrue(r.err(), r.err().contains("recursion depth exceeded"));
    }

    static void waitForText(CaptureChannel out, String text) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!out.text().contains(text)) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("no '" + text + "' in " + out.text());
            }
            Thread.sleep(5);
        }
    }

    static int lines(CaptureChannel out) {
        return out.text().split("\n", -1).length;
    }
}
