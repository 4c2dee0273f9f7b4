package pebbleos.kernel.fs;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the mount table (PID {@code pebbleos.fs}). */
@ObjectClassDefinition(name = "PebbleOS mount table")
@interface MountTableConfig {
    @AttributeDefinition(description = "How long an operation waits for the root backend that is being replaced, in milliseconds")
    long swap_window_ms() default 2000;
}
