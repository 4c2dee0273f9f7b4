package pebbleos.kernel.syscall;

import java.util.List;
import java.util.Map;


import pebbleos.api.Errno;
import pebbleos.api.process.TaskContext;
import pebbleos.api.syscall.Args;
import pebbleos.api.syscall.Dispatch;
import pebbleos.api.syscall.Syscall;
import pebbleos.api.syscall.SyscallFamily;
import pebbleos.api.syscall.SyscallTable;
import pebbleos.api.value.PDict;
import pebbleos.api.value.PList;
import pebbleos.api.value.PNone;

/**
 * The {@code syscall} family: the table looking at itself, so that Pebble code
 * ({@code system/kernel/syscall.peb}, {@code lsmod}) can list the families,
 * the syscalls and their providers, and read the errno table. The table
 * registers it (a plain service, not a component: a component referencing the
 * table that references every family would be a cycle).
 */
final class IntrospectionFamily implements SyscallFamily, Dispatch.Table {
    // the syscalls by number, answered by call(): one class, not one spun per lambda (Dispatch)
    private static final int FAMILIES = 0;
    private static final int TABLE = 1;
    private static final int LOOKUP = 2;
    private static final int STATUS = 3;
    private static final int ERRNO = 4;
    private final SyscallTable table;

    IntrospectionFamily(SyscallTable table) {
        this.table = table;
    }
    @Override
    public String name() {
        return "syscall";
    }

    @Override
    public List<Syscall> syscalls() {
        return List.of(
                new Syscall("syscall_families", "", "the families that have a provider now, sorted",
                        new Dispatch(this, FAMILIES)),
                new Syscall("syscall_table", "", "every syscall name mapped to its family",
                        new Dispatch(this, TABLE)),
                new Syscall("syscall_lookup", "name",
                        "the entry of a syscall (name, family, params, doc), or None", new Dispatch(this, LOOKUP)),
                new Syscall("syscall_status", "",
                        "per family: provider, ranking, providers, calls, swap_waits, waiting (calls waiting for a successor now), longest_wait_ms",
                        new Dispatch(this, STATUS)),
                new Syscall("syscall_errno", "", "the errno table: symbolic name to number",
                        new Dispatch(this, ERRNO)));
    }

    @Override
    public Object call(int id, TaskContext c, Object[] a) {
        return switch (id) {
            case FAMILIES -> PList.from(table.families());
            case TABLE -> toDict(table.table());
            case LOOKUP -> lookup(c, a);
            case STATUS -> status();
            case ERRNO -> errnoTable();
            default -> throw new IllegalArgumentException("syscall: no syscall " + id);
        };
    }

    private Object lookup(TaskContext caller, Object[] values) {
        String name = Args.of("syscall_lookup", values, 1, 1).string(0);
        Syscall s = table.lookup(name);
        if (s == null) {
            return PNone.NONE;
        }
        return PDict.of("name", s.name(), "family", table.table().get(name), "params", s.params(), "doc", s.doc());
    }

    private PList status() {
        PList out = new PList();
        for (Map<String, Object> row : table.status()) {
            PDict d = new PDict();
            row.forEach(d::put);
            out.append(d);
        }
        return out;
    }

    private static PDict errnoTable() {
        PDict d = new PDict();
        for (Errno e : Errno.values()) {
            d.put(e.name(), (long) e.code());
        }
        return d;
    }

    private static PDict toDict(Map<String, String> map) {
        PDict d = new PDict();
        map.forEach(d::put);
        return d;
    }
}
