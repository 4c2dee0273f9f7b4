package pebbleos.api.syscall;

import pebbleos.api.process.TaskContext;

/**
 * The handler of one syscall of a family whose syscalls are answered by one
 * switch: the family implements {@link Table}, numbers its syscalls, and
 * gives each {@link Syscall} the {@code Dispatch} of its number.
 *
 * <p>Why not a lambda per syscall: the JVM spins a class for each lambda the
 * first time its site runs, and a family's table is built at every boot (the
 * syscall table binds each family as it starts). Spun in the bundles' class
 * loaders, which no class-data archive holds, ~190 of them cost the boot
 * tens of milliseconds; a family's switch is one class it already has.
 */
public record Dispatch(Table table, int id) implements SyscallHandler {
    /** A family's syscalls, by number. */
    public interface Table {
        /** Syscall {@code id} of the family, called by {@code caller} with {@code args}. */
        Object call(int id, TaskContext caller, Object[] args);
    }

    @Override
    public Object call(TaskContext caller, Object[] args) {
        return table.call(id, caller, args);
    }
}
