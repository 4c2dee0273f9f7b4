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

/** The process kernel with the bytecode VM as its only engine. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class KernelVmIT extends KernelContract {
    @Configuration
    public Option[] config() {
        return options(Images.base(KernelVmIT.class), Kernel.withEngines("lang.vm"));
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
    public void signalEndsABlockedPipeWrite() {
        aWriterBlockedOnAFullPipeEndsAtOnceWhenSignalled();
    }

    @Test
    public void stoppedPipeWriterLosesNothing() {
        aWriterStoppedWhileBlockedGoesOnWithoutLosingOrRepeating();
    }

    @Test
    public void fdWriteGetsSigpipe() {
        aWriterByFdWriteGetsSigpipe();
    }

    @Test
    public void foregroundSpawn() {
        aForegroundSpawnOwnsTheTerminalFromItsFirstInstruction();
    }

    @Test
    public void deepRecursion() {
        recursionEndsInACleanError();
    }
}
