package pebbleos.lang.vm.store;

import pebbleos.api.process.TaskContext;
import pebbleos.lang.vm.VmEngine;
import pebbleos.lang.vm.VmTask;
import pebbleos.lang.vm.machine.Machine;

/** Snapshot writer and reader (to do). */
public final class Snapshots {
    private Snapshots() {
    }

    public static byte[] write(Machine machine, boolean returnsValue) {
        throw new UnsupportedOperationException("todo");
    }

    public static VmTask read(VmEngine engine, TaskContext ctx, byte[] bytes) {
        throw new UnsupportedOperationException("todo");
    }
}
