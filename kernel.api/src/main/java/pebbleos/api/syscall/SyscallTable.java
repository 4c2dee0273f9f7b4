package pebbleos.api.syscall;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

import pebbleos.api.process.TaskContext;

/**
 * The kernel's live syscall table: every Pebble syscall goes through
 * {@link #invoke}. A call into a family with no provider fails with
 * {@link pebbleos.api.Errno#NOSYS}; while a provider is being replaced the
 * call waits a bounded time for its successor instead of failing.
 */
@ProviderType
public interface SyscallTable {
    /** Call syscall {@code name} on behalf of {@code caller}. */
    Object invoke(TaskContext caller, String name, Object[] args);

    /** The families that have a provider now, sorted by name. */
    List<String> families();

    /** Every syscall name known now, mapped to its family, sorted by name. */
    Map<String, String> table();

    /** The entry for a name, or {@code null} when no provider offers it now. */
    Syscall lookup(String name);

    /** Per-family facts for diagnostics: provider, ranking, calls, longest swap wait. */
    List<Map<String, Object>> status();

    /** The providers (bundle symbolic names) of a family, the one serving first. */
    List<String> providers(String family);

    /**
     * Make the provider from bundle {@code provider} serve {@code family}
     * whatever the rankings say; {@code null} goes back to ranking order.
     */
    void prefer(String family, String provider);
}
