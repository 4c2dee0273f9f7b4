package pebbleos.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNotSame;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.io.FileInputStream;
import java.io.InputStream;
import java.util.Collection;
import java.util.List;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

import pebbleos.api.engine.ExecutionEngine;
import pebbleos.api.engine.Outcome;
import pebbleos.api.engine.Task;
import pebbleos.api.process.DetachedTask;

/**
 * The VM bundle ({@code lang.vm}) as a service: a program suspended by the
 * VM, snapshotted, survives an update of the bundle and is finished by the
 * engine of the new bundle revision (another class loader, another engine).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class VmSwapIT {
    private static final String COUNT = "i = 1\nwhile i <= 10:\n    print i\n    i = i + 1\n";

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        return options(
                Images.base(VmSwapIT.class),
                Images.pebble("kernel.api"),
                Images.pebble("lang.core"),
                Images.pebble("lang.vm"));
    }

    /** A process of one thread without a kernel: output in memory, a suspension asked for after N lines. */
    static final class Caller extends DetachedTask {
        private final int suspendAfter;
        private int lines;

        Caller(int suspendAfter) {
            super("/count.peb", "vm");
            this.suspendAfter = suspendAfter;
        }

        @Override
        public void print(String text) {
            super.print(text);
            if (++lines == suspendAfter) {
                attention |= SUSPEND;
            }
        }
    }

    private ExecutionEngine vm() throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            Collection<ServiceReference<ExecutionEngine>> refs =
                    context.getServiceReferences(ExecutionEngine.class, "(pebble.engine=vm)");
            if (!refs.isEmpty()) {
                ExecutionEngine e = context.getService(refs.iterator().next());
                if (e != null) {
                    return e;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no vm engine service");
    }

    private Bundle bundle(String name) {
        for (Bundle b : context.getBundles()) {
            if (name.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError(name + " is not installed");
    }

    @Test
    public void programSuspendedBeforeAnUpdateOfTheVmBundleFinishesAfterIt() throws Exception {
        ExecutionEngine before = vm();
        Caller first = new Caller(5);
        Task task = before.loadSource(first, "count.peb", COUNT, List.of("count.peb"));
        assertEquals(Outcome.Kind.SUSPENDED, task.run().kind());
        assertEquals("1\n2\n3\n4\n5\n", first.out.toString());
        byte[] snapshot = task.snapshot();

        Bundle vm = bundle("lang.vm");
        try (InputStream in = new FileInputStream(Images.jar("lang.vm"))) {
            vm.update(in);
        }
        ExecutionEngine after = vm();
        assertNotNull(after);
        assertNotSame("the engine of the new revision", before.getClass(), after.getClass());

        Caller second = new Caller(-1);
        Outcome done = after.restore(second, snapshot).run();
        assertEquals(Outcome.Kind.DONE, done.kind());
        assertEquals("6\n7\n8\n9\n10\n", second.out.toString());
    }
}
