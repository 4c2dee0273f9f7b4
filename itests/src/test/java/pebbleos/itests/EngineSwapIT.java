package pebbleos.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.io.FileInputStream;
import java.io.InputStream;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

import pebbleos.api.process.Processes;

/**
 * Replacing an engine's bundle while programs run: a VM program is suspended
 * at a safe point, snapshotted, restored in the updated VM and finishes with
 * the right output; programs of the other engine are untouched by either
 * update.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class EngineSwapIT {
    /** Counts to 100 slowly; every line depends on the state before the swap. */
    static final String COUNTER = String.join("\n",
            "total = 0",
            "i = 1",
            "while i <= 100:",
            "    total = total + i",
            "    print str(i) + \" \" + str(total)",
            "    syscall(\"clock_sleep\", 8)",
            "    i = i + 1",
            "");

    static String expected() {
        StringBuilder sb = new StringBuilder();
        int total = 0;
        for (int i = 1; i <= 100; i++) {
            total += i;
            sb.append(i).append(' ').append(total).append('\n');
        }
        return sb.toString();
    }

    @Configuration
    public Option[] config() {
        return options(Images.base(EngineSwapIT.class), Kernel.withEngines("lang.interp", "lang.vm"));
    }

    @Before
    public void mount() {
        Kernel.mountMemoryRoot();
    }

    private void update(String module) throws Exception {
        Bundle b = FsImages.bundle(module);
        try (InputStream in = new FileInputStream(Images.jar(module))) {
            b.update(in);
        }
    }

    @Test
    public void aVmProgramSurvivesTheUpdateOfTheVmAndInterpreterProgramsAreUntouched() throws Exception {
        Processes processes = FsImages.service(Processes.class);
        CaptureChannel vmOut = new CaptureChannel("vm");
        CaptureChannel interpOut = new CaptureChannel("interp");
        CaptureChannel err = new CaptureChannel("err");
        int vm = Kernel.spawn(processes, "vm", COUNTER, vmOut, err);
        int interp = Kernel.spawn(processes, "interp", COUNTER, interpOut, err);
        KernelContract.waitForText(vmOut, "\n20 ");
        update("lang.vm");
        KernelContract.waitForText(vmOut, "\n60 ");
        update("lang.vm");
        assertEquals(err.text(), 0, processes.waitFor(null, vm));
        assertEquals(err.text(), 0, processes.waitFor(null, interp));
        assertEquals(expected(), vmOut.text());
        assertEquals(expected(), interpOut.text());
        assertTrue(processes.engines().contains("vm"));
    }

    @Test
    public void updatingTheInterpreterLeavesVmProgramsAlone() throws Exception {
        Processes processes = FsImages.service(Processes.class);
        CaptureChannel vmOut = new CaptureChannel("vm");
        CaptureChannel interpOut = new CaptureChannel("interp");
        CaptureChannel err = new CaptureChannel("err");
        int vm = Kernel.spawn(processes, "vm", COUNTER, vmOut, err);
        int interp = Kernel.spawn(processes, "interp", COUNTER, interpOut, err);
        KernelContract.waitForText(vmOut, "\n20 ");
        update("lang.interp");
        assertEquals(err.text(), 0, processes.waitFor(null, vm));
        assertEquals(err.text(), 0, processes.waitFor(null, interp));
        assertEquals(expected(), vmOut.text());
        // the interpreter's running program goes on in the old revision's code
        assertEquals(expected(), interpOut.text());
        Kernel.Run after = Kernel.run("interp", "print 6 * 7\n");
        assertEquals("42\n", after.out());
    }
}
