package pebbleos.api.syscall;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.annotation.bundle.Attribute;
import org.osgi.annotation.bundle.Capability;

/**
 * Declares in the bundle's manifest that it offers the syscall families
 * named: an {@code osgi.service} capability for {@link SyscallFamily} with
 * the attribute {@value SyscallFamily#FAMILY}. Put it beside the component
 * (or the code registering the service). It is what lets a resolver (bnd's
 * for an image, the framework's for {@code pkg install}) see that a package
 * requiring a family has one, before anything is installed.
 */
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=pebbleos.api.syscall.SyscallFamily")
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.PACKAGE})
public @interface ProvidesFamily {
    /** The family names. */
    @Attribute(SyscallFamily.FAMILY)
    String[] value();
}
