package pebbleos.api.syscall;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A named group of syscalls offered by one bundle: {@code fs}, {@code proc},
 * {@code thread}, {@code sync}, {@code term}, {@code clock}, {@code memory},
 * {@code service}, {@code syscall}. Register it as a service with the property
 * {@value #FAMILY} set to {@link #name()}; several providers of one family may
 * exist and the highest service ranking wins.
 */
@ConsumerType
public interface SyscallFamily {
    /** Service property naming the family a provider serves. */
    String FAMILY = "pebble.syscall.family";

    /** The family name, equal to the {@value #FAMILY} service property. */
    String name();

    /** The syscalls of this family; names are unique across all families. */
    List<Syscall> syscalls();
}
