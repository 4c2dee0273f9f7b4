package pebbleos.kernel.syscall;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the syscall table (PID {@code pebbleos.syscall}). */
@ObjectClassDefinition(name = "PebbleOS syscall table")
@interface SyscallTableConfig {
    @AttributeDefinition(description = "How long a call waits for a provider that is being replaced, in milliseconds")
    long swap_window_ms() default 2000;
}
