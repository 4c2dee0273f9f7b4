package pebbleos.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.FileInputStream;
import java.io.InputStream;

import org.osgi.framework.Bundle;

import pebbleos.api.fs.Mounts;
import pebbleos.api.process.Processes;

/**
 * A filesystem backend bundle is updated 20 times while a Pebble program
 * writes, appends and reads files in a loop: no call of the program fails and
 * the final tree is exactly what it wrote.
 */
abstract class FsSwapContract {
    abstract String mode();

    abstract String module();

    static final String WRITER = String.join("\n",
            "make_directory(\"/work\")",
            "rounds = 0",
            "while not file_exists(\"/stop\"):",
            "    name = \"/work/f\" + str(rounds % 40)",
            "    text = \"round \" + str(rounds)",
            "    write_file(name, text)",
            "    if read_file(name) != text:",
            "        raise \"read back wrong content in \" + name",
            "    append_file(\"/work/journal\", str(rounds) + \"\\n\")",
            "    rounds = rounds + 1",
            "write_file(\"/work/rounds\", str(rounds))",
            "print rounds",
            "");

    static final String CHECKER = String.join("\n",
            "rounds = int(read_file(\"/work/rounds\"))",
            "journal = split(read_file(\"/work/journal\"), \"\\n\")",
            "if len(journal) != rounds + 1:",
            "    raise \"journal has \" + str(len(journal) - 1) + \" lines, expected \" + str(rounds)",
            "i = 0",
            "while i < rounds:",
            "    if journal[i] != str(i):",
            "        raise \"journal line \" + str(i) + \" is \" + journal[i]",
            "    i = i + 1",
            "for k in range(min(40, rounds)):",
            "    last = k",
            "    while last + 40 < rounds:",
            "        last = last + 40",
            "    if read_file(\"/work/f\" + str(k)) != \"round \" + str(last):",
            "        raise \"wrong final content in f\" + str(k)",
            "print \"tree ok \" + str(len(list_directory(\"/work\")))",
            "");

    void updatesUnderLoadLoseNothing() throws Exception {
        Mounts mounts = FsImages.service(Mounts.class);
        if (!mounts.rootMounted()) {
            mounts.mountRoot(mode(), FsImages.hostDirectory("swap"), false, 10_000);
        }
        Processes processes = FsImages.service(Processes.class);
        CaptureChannel out = new CaptureChannel("out");
        CaptureChannel err = new CaptureChannel("err");
        int writer = Kernel.spawn(processes, "interp", WRITER, out, err);
        Thread.sleep(300);
        Bundle backend = FsImages.bundle(module());
        for (int i = 0; i < 20; i++) {
            try (InputStream in = new FileInputStream(Images.jar(module()))) {
                backend.update(in);
            }
            Thread.sleep(60);
        }
        Kernel.Run stop = Kernel.run("interp", "write_file(\"/stop\", \"now\")\n");
        assertEquals(stop.err(), 0, stop.status());
        assertEquals(err.text(), 0, processes.waitFor(null, writer));
        int rounds = Integer.parseInt(out.text().trim());
        assertTrue("rounds: " + rounds, rounds > 20);
        Kernel.Run check = Kernel.run("interp", CHECKER);
        assertEquals(check.err(), 0, check.status());
        assertEquals("tree ok 42\n", check.out());
        Kernel.Run waits = Kernel.run("interp", "print syscall(\"fs_mounts\")[0]\n");
        System.out.printf("%s updated 20 times under load: %d rounds, root mount %s%n", module(), rounds,
                waits.out().trim());
    }
}
