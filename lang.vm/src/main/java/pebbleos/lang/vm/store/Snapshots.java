package pebbleos.lang.vm.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

import pebbleos.api.process.TaskContext;
import pebbleos.lang.core.runtime.PInstance;
import pebbleos.lang.core.runtime.PModule;
import pebbleos.lang.core.runtime.PebbleError;
import pebbleos.lang.vm.VmEngine;
import pebbleos.lang.vm.VmTask;
import pebbleos.lang.vm.code.Unit;
import pebbleos.lang.vm.machine.Frame;
import pebbleos.lang.vm.machine.Machine;
import pebbleos.lang.vm.machine.VmFunction;
import pebbleos.lang.vm.machine.VmProcess;

/**
 * The snapshot format of a VM task (docs/bytecode.md has the full layout):
 *
 * <pre>
 *   i32 magic "PBSN"   i32 version   i32 CRC-32 of the body
 *   body: u8 task kind (1: a thread returning its value)
 *         units:   count, then each unit's bytecode payload (length-prefixed)
 *         objects: count, headers in id order, then contents in id order
 *         process: arguments, random state, errno, module table, runtime API module
 *         machine: live value-stack entries, frames (code, function, module, base, pc, result slot, flags, instance)
 * </pre>
 *
 * Nothing is Java-serialized: code travels as bytecode payloads, builtins by
 * name, every other object as its Pebble-visible state, so a newer build of
 * the VM bundle reads what an older one wrote.
 */
public final class Snapshots {
    static final int MAGIC = 0x5042534E;
    /** The snapshot format this build writes; the reader accepts it and every older one listed here. */
    public static final int VERSION = 1;

    // value tags
    static final int V_NULL = 0;
    static final int V_NONE = 1;
    static final int V_TRUE = 2;
    static final int V_FALSE = 3;
    static final int V_INT = 4;
    static final int V_FLOAT = 5;
    static final int V_BIGINT = 6;
    static final int V_STR = 7;
    static final int V_OBJ = 8;
    static final int V_NOSELF = 9;

    // object tags
    static final int O_LIST = 1;
    static final int O_DICT = 2;
    static final int O_CELL = 3;
    static final int O_STRING = 4;
    static final int O_MODULE = 5;
    static final int O_CLASS = 6;
    static final int O_INSTANCE = 7;
    static final int O_FUNCTION = 8;
    static final int O_BUILTIN = 9;
    static final int O_BOUND = 10;
    static final int O_ERROR = 11;
    static final int O_RANGE = 12;
    static final int O_ITEMS = 13;
    static final int O_CHARS = 14;
    static final int O_NAMESPACE = 15;

    // builtin kinds
    static final int B_GLOBAL = 0;
    static final int B_METHOD = 1;
    static final int B_MODULE = 2;

    private Snapshots() {
    }

    /** The task's state as bytes; it must be stopped between two instructions of the plain loop. */
    public static byte[] write(Machine machine, boolean returnsValue) {
        if (machine.isNested() || machine.frameCount() == 0) {
            throw new IllegalStateException("a task can be snapshotted only when it is suspended");
        }
        VmProcess process = machine.vmProcess();
        SnapshotWriter w = new SnapshotWriter(process.modules().values());
        Wire.Out roots = new Wire.Out();
        // process
        roots.strs(process.arguments().toArray(new String[0]));
        roots.i64(process.randomState);
        roots.i32(process.lastErrno());
        Map<String, PModule> modules = process.modules();
        roots.i32(modules.size());
        for (Map.Entry<String, PModule> e : modules.entrySet()) {
            roots.str(e.getKey());
            roots.i32(w.id(e.getValue()));
        }
        roots.i32(process.runtime() == null ? -1 : w.id(process.runtime()));
        // machine
        int top = machine.stackTop();
        Object[] stack = machine.stack();
        roots.i32(top);
        for (int i = 0; i < top; i++) {
            w.ref(roots, stack[i]);
        }
        roots.i32(machine.frameCount());
        for (int i = 0; i < machine.frameCount(); i++) {
            Frame f = machine.frame(i);
            w.proto(roots, f.proto);
            w.ref(roots, f.function);
            roots.i32(w.id(f.module));
            roots.i32(f.base);
            roots.i32(f.pc);
            roots.i32(f.ret);
            roots.i32(f.flags);
            w.ref(roots, f.instance);
        }
        Wire.Out contents = new Wire.Out();
        w.contents(contents);

        Wire.Out body = new Wire.Out();
        body.u8(returnsValue ? 1 : 0);
        body.i32(w.units.size());
        for (Unit u : w.units) {
            byte[] payload = BytecodeFile.payload(u);
            body.i32(payload.length);
            body.bytes(payload);
        }
        body.i32(w.objectCount());
        body.bytes(w.headers.toByteArray());
        body.bytes(contents.toByteArray());
        body.bytes(roots.toByteArray());
        byte[] b = body.toByteArray();
        CRC32 crc = new CRC32();
        crc.update(b);
        Wire.Out out = new Wire.Out();
        out.i32(MAGIC);
        out.i32(VERSION);
        out.i32((int) crc.getValue());
        out.bytes(b);
        return out.toByteArray();
    }

    /** A task continuing from {@code bytes}; a damaged or foreign snapshot raises a PebbleError saying so. */
    public static VmTask read(VmEngine engine, TaskContext ctx, byte[] bytes) {
        try {
            if (bytes == null || bytes.length < 12) {
                throw corrupt("it is truncated");
            }
            Wire.In head = new Wire.In(bytes, 0);
            if (head.i32() != MAGIC) {
                throw corrupt("it is not a Pebble VM snapshot");
            }
            int version = head.i32();
            if (version < 1 || version > VERSION) {
                throw new PebbleError("snapshot version " + version + " is not supported by this engine (it reads 1 to "
                        + VERSION + ")");
            }
            int expected = head.i32();
            CRC32 crc = new CRC32();
            crc.update(bytes, 12, bytes.length - 12);
            if ((int) crc.getValue() != expected) {
                throw corrupt("its checksum does not match");
            }
            return readBody(engine, ctx, new Wire.In(bytes, 12));
        } catch (IOException | RuntimeException e) {
            if (e instanceof PebbleError pe) {
                throw pe;
            }
            throw corrupt(e.getMessage());
        }
    }

    private static VmTask readBody(VmEngine engine, TaskContext ctx, Wire.In in) throws IOException {
        boolean returnsValue = in.u8() != 0;
        int nu = in.count(4);
        Unit[] units = new Unit[nu];
        for (int i = 0; i < nu; i++) {
            int n = in.count(1);
            units[i] = BytecodeFile.fromPayload(in.bytes(n));
        }
        SnapshotReader r = new SnapshotReader(in, units);
        r.headers(in.count(1));
        r.contents();
        // process
        VmProcess process = engine.newProcess(List.of(in.strs()));
        process.randomState = in.i64();
        process.setLastErrno(in.i32());
        int nm = in.count(1);
        for (int i = 0; i < nm; i++) {
            String key = in.str();
            process.modules().put(key, r.object(in.i32(), PModule.class));
        }
        int runtime = in.i32();
        if (runtime >= 0) {
            process.setRuntime(r.object(runtime, PModule.class));
        }
        // machine
        int top = in.count(1);
        Object[] stack = new Object[top];
        for (int i = 0; i < top; i++) {
            stack[i] = r.ref();
        }
        int nf = in.count(1);
        if (nf == 0) {
            throw new IOException("no frames");
        }
        List<Frame> frames = new ArrayList<>();
        for (int i = 0; i < nf; i++) {
            Frame f = new Frame();
            f.proto = r.proto();
            Object fn = r.ref();
            if (fn != null && !(fn instanceof VmFunction)) {
                throw new IOException("bad frame function");
            }
            f.function = (VmFunction) fn;
            f.module = r.object(in.i32(), PModule.class);
            f.base = in.i32();
            f.pc = in.i32();
            f.ret = in.i32();
            f.flags = in.i32();
            Object inst = r.ref();
            if (inst != null && !(inst instanceof PInstance)) {
                throw new IOException("bad constructor instance");
            }
            f.instance = (PInstance) inst;
            if (f.base < 0 || f.base > top || f.base + f.proto.registers > Machine.MAX_STACK || f.pc < 0
                    || f.pc >= f.proto.code.length || f.ret < 0 || f.ret > f.base) {
                throw new IOException("bad frame " + i);
            }
            frames.add(f);
        }
        if (!in.atEnd()) {
            throw new IOException("trailing data");
        }
        ctx.process().setEngineState(process);
        Machine machine = new Machine(ctx, process);
        machine.restore(stack, frames.toArray(new Frame[0]));
        return VmTask.restored(engine, ctx, machine, returnsValue);
    }

    private static PebbleError corrupt(String why) {
        return new PebbleError("not a valid Pebble VM snapshot: " + why);
    }
}
