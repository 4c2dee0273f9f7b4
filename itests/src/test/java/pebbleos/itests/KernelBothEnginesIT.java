package pebbleos.itests;

import static org.ops4j.pax.exam.CoreOptions.options;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** The process kernel with both engines: programs on the VM while the interpreter is there too, and a program on one engine starting one on the other. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class KernelBothEnginesIT extends KernelContract {
    @Configuration
    public Option[] config() {
        return options(Images.base(KernelBothEnginesIT.class), Kernel.withEngines("lang.interp", "lang.vm"));
    }

    @Override
    String engine() {
        return "vm";
    }

    @Before
    public void mount() {
        Kernel.mountMemoryRoot();
    }

    @Test
    public void threadsExample() {
        threadsExampleJoinsWithOutputs();
    }

    @Test
    public void mutexCounter() {
        eightThreadsCountUnderAMutex();
    }

    @Test
    public void manyProcesses() throws Exception {
        twoHundredProcessesAreReapedWithoutLeaks();
    }

    @Test
    public void interrupt() throws Exception {
        interruptStopsARunawayLoopQuickly();
    }

    @Test
    public void stopAndContinue() throws Exception {
        stopAndContinueResumeWhereItWas();
    }

    @Test
    public void brokenPipe() {
        aWriterEndsWhenItsReaderHasGone();
    }

    @Test
    public void foregroundSpawn() {
        aForegroundSpawnOwnsTheTerminalFromItsFirstInstruction();
    }

    @Test
    public void deepRecursion() {
        recursionEndsInACleanError();
    }

    @Test
    public void enginesStartEachOther() {
        Kernel.Run r = Kernel.run("vm", String.join("\n",
                "child = \"print 6 * 7\\n\"",
                "pid = syscall(\"proc_spawn\", \"/c.peb\", [\"c\"], {\"engine\": \"interp\", \"source\": child})",
                "print syscall(\"proc_wait\", pid)[\"status\"]",
                "print syscall(\"proc_info\")[\"engine\"]",
                ""));
        org.junit.Assert.assertEquals(r.err(), "42\n0\nvm\n", r.out());
    }
}
