package pebbleos.gogo;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code pebbleos.gogo}: its presence enables the bridge ({@code --gogo} creates it). */
@ObjectClassDefinition(name = "PebbleOS Gogo bridge")
@interface GogoConfig {
    @AttributeDefinition(description = "How long a Pebble shell line run from Gogo may take, in seconds")
    long timeout_s() default 60;
}
