package pebbleos.itests;

import static org.ops4j.pax.exam.CoreOptions.options;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** fs.hostfs updated 20 times while a Pebble program works on files. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HostfsSwapUnderLoadIT extends FsSwapContract {
    @Configuration
    public Option[] config() {
        return options(Images.base(HostfsSwapUnderLoadIT.class), Kernel.withEngines("lang.interp"),
                FsImages.backend("fs.hostfs"));
    }

    @Override
    String mode() {
        return "hostfs";
    }

    @Override
    String module() {
        return "fs.hostfs";
    }

    @Test
    public void updatesUnderLoad() throws Exception {
        updatesUnderLoadLoseNothing();
    }
}
