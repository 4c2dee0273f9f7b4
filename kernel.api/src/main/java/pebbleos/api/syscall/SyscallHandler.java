package pebbleos.api.syscall;

import pebbleos.api.process.TaskContext;

/**
 * The body of one syscall. Arguments and the result are Pebble values (see
 * {@code pebbleos.api.value}); failures are raised as
 * {@link pebbleos.api.PebbleException} with an errno.
 */
@FunctionalInterface
public interface SyscallHandler {
    Object call(TaskContext caller, Object[] args);
}
