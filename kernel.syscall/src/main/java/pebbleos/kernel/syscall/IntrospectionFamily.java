package pebbleos.kernel.syscall;

import java.util.List;
import java.util.Map;


import pebbleos.api.Errno;
import pebbleos.api.process.TaskContext;
import pebbleos.api.syscall.Args;
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
final class IntrospectionFamily implements SyscallFamily {
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
                        (c, a) -> PList.from(table.families())),
                new Syscall("syscall_table", "", "every syscall name mapped to its family",
                        (c, a) -> toDict(table.table())),
                new Syscall("syscall_lookup", "name",
                        "the entry of a syscall (name, family, params, doc), or None", this::lookup),
                new Syscall("syscall_status", "",
                        "per family: provider, ranking, providers, calls, swap_waits, waiting (calls waiting for a successor now), longest_wait_ms",
                        (c, a) -> status()),
                new Syscall("syscall_errno", "", "the errno table: symbolic name to number",
                        (c, a) -> errnoTable()));
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
