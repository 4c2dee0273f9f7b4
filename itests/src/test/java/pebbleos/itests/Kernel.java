package pebbleos.itests;

import static org.ops4j.pax.exam.CoreOptions.composite;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ops4j.pax.exam.Option;

import pebbleos.api.fs.Mounts;
import pebbleos.api.process.OpenFile;
import pebbleos.api.process.Processes;

/**
 * The kernel as the process tests boot it: syscall table, mount table on an
 * in-memory root, process table, threads, the /system tree (runtime API) and
 * the engines asked for. Programs run with their output captured.
 */
final class Kernel {
    private Kernel() {
    }

    /** The kernel bundles plus the given engine modules ({@code lang.interp}, {@code lang.vm}). */
    static Option withEngines(String... engines) {
        Option[] engineOptions = new Option[engines.length];
        for (int i = 0; i < engines.length; i++) {
            engineOptions[i] = Images.pebble(engines[i]);
        }
        return composite(
                FsImages.kernel(),
                Images.pebble("fs.mfs"),
                Images.pebble("kernel.proc"),
                Images.pebble("kernel.thread"),
                Images.pebble("system"),
                Images.pebble("lang.core"),
                composite(engineOptions));
    }

    /** Mount an empty in-memory root (once per framework). */
    static void mountMemoryRoot() {
        Mounts mounts = FsImages.service(Mounts.class);
        if (!mounts.rootMounted()) {
            mounts.mountRoot("mfs", FsImages.hostDirectory("kernel"), false, 10_000);
        }
    }

    /** A finished program: its exit status and what it wrote. */
    record Run(int status, String out, String err) {
    }

    /** Run Pebble {@code source} as a process on {@code engine} and wait for it. */
    static Run run(String engine, String source) {
        Processes processes = FsImages.service(Processes.class);
        CaptureChannel out = new CaptureChannel("out");
        CaptureChannel err = new CaptureChannel("err");
        int pid = spawn(processes, engine, source, out, err);
        int status = processes.waitFor(null, pid);
        return new Run(status, out.text(), err.text());
    }

    /** Start Pebble {@code source} as a process writing to these channels. */
    static int spawn(Processes processes, String engine, String source, CaptureChannel out, CaptureChannel err) {
        Map<Integer, OpenFile> fds = new HashMap<>();
        fds.put(0, new OpenFile(new CaptureChannel("in"), OpenFile.READ));
        fds.put(1, new OpenFile(out, OpenFile.WRITE));
        fds.put(2, new OpenFile(err, OpenFile.WRITE));
        try {
            return processes.spawn(null, engine, "/test.peb", List.of("test.peb"), fds, Map.of(), "/", 0, source);
        } finally {
            fds.values().forEach(OpenFile::release);
        }
    }
}
