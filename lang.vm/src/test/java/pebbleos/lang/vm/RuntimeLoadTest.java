package pebbleos.lang.vm;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;

import java.util.List;

import org.junit.Test;

import pebbleos.lang.core.testing.HostContext;

/** The runtime API loads on a program's first use of it, not at every launch. */
public class RuntimeLoadTest {
    @Test
    public void aProgramOfBuiltinsNeverLoadsTheRuntimeApi() {
        VmTask task = run("print len(str(12345))\n");
        assertNull(task.machine().process().runtime());
    }

    @Test
    public void theFirstRuntimeCallLoadsIt() {
        VmTask task = run("x = 1\nprint basename('/a/b.txt')\n");
        assertNotNull(task.machine().process().runtime());
    }

    private static VmTask run(String source) {
        HostContext ctx = Programs.context(Programs.root(source));
        VmTask task = (VmTask) new VmEngine().load(ctx, "/prog.peb", List.of("prog.peb"));
        assertNull(task.run().error());
        return task;
    }
}
