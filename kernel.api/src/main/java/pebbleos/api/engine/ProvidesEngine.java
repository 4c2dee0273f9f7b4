package pebbleos.api.engine;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.annotation.bundle.Attribute;
import org.osgi.annotation.bundle.Capability;

/**
 * Declares in the bundle's manifest that it offers an execution engine: an
 * {@code osgi.service} capability for {@link ExecutionEngine} with the
 * attribute {@value ExecutionEngine#ENGINE}, which a package needing that
 * engine (or an image needing any engine) is resolved against.
 */
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=pebbleos.api.engine.ExecutionEngine")
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.PACKAGE})
public @interface ProvidesEngine {
    /** The engine's name ({@code interp}, {@code vm}). */
    @Attribute(ExecutionEngine.ENGINE)
    String value();
}
