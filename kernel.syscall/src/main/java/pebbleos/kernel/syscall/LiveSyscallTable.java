package pebbleos.kernel.syscall;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.process.TaskContext;
import pebbleos.api.process.Terminated;
import pebbleos.api.swap.ServiceSlot;
import pebbleos.api.syscall.ProvidesFamily;
import pebbleos.api.syscall.Restart;
import pebbleos.api.syscall.Syscall;
import pebbleos.api.syscall.SyscallFamily;
import pebbleos.api.syscall.SyscallTable;

/**
 * The kernel's live syscall table. It holds a dynamic, greedy, multiple
 * reference to every {@link SyscallFamily}; each family name has a
 * {@link ServiceSlot} that routes calls to its best provider and makes a call
 * wait across a provider swap (the window is configurable, 2 s by default).
 *
 * <p>Syscall names are remembered once seen, so a call to a syscall whose
 * family has gone names the family in its NOSYS message. Immediate, so that
 * rebinding happens in one long-lived instance.
 */
@ProvidesFamily("syscall")
@Component(service = SyscallTable.class, immediate = true, configurationPid = "pebbleos.syscall",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = SyscallTableConfig.class)
public final class LiveSyscallTable implements SyscallTable {
    private static final Logger LOG = Logger.getLogger(LiveSyscallTable.class.getName());

    /** A provider of a family with its syscalls indexed by name. */
    private record Binding(SyscallFamily family, Map<String, Syscall> byName) {
    }

    private final Map<String, ServiceSlot<Binding>> slots = new ConcurrentHashMap<>();
    private final Map<String, String> familyOfName = new ConcurrentHashMap<>();
    private final Map<SyscallFamily, Binding> bindings = new IdentityHashMap<>();
    private volatile long windowMillis = ServiceSlot.DEFAULT_WINDOW_MILLIS;
    // classes, not lambdas: a bundle's lambdas are spun again at every boot (docs/performance.md, fourteenth pass)
    private final Function<String, ServiceSlot<Binding>> newSlot = new NewSlot();

    private ServiceRegistration<SyscallFamily> introspection;

    @Activate
    void activate(BundleContext context, SyscallTableConfig config) {
        configure(config);
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(SyscallFamily.FAMILY, "syscall");
        introspection = context.registerService(SyscallFamily.class, new IntrospectionFamily(this), props);
    }

    @Deactivate
    void deactivate() {
        introspection.unregister();
    }

    @Modified
    void configure(SyscallTableConfig config) {
        windowMillis = config.swap_window_ms();
        for (ServiceSlot<Binding> slot : slots.values()) {
            slot.setWindowMillis(windowMillis);
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindFamily(SyscallFamily family, ServiceReference<SyscallFamily> reference) {
        Map<String, Syscall> byName = new LinkedHashMap<>();
        for (Syscall s : family.syscalls()) {
            byName.put(s.name(), s);
            familyOfName.put(s.name(), family.name());
        }
        Binding binding = new Binding(family, byName);
        synchronized (bindings) {
            bindings.put(family, binding);
        }
        slot(family.name()).bind(binding, reference);
    }

    void unbindFamily(SyscallFamily family) {
        Binding binding;
        synchronized (bindings) {
            binding = bindings.remove(family);
        }
        if (binding != null) {
            slot(family.name()).unbind(binding);
        }
    }

    @Override
    public Object invoke(TaskContext caller, String name, Object[] args) {
        String family = familyOfName.get(name);
        if (family == null) {
            throw new PebbleException(Errno.NOSYS, name + ": no such syscall");
        }
        ServiceSlot<Binding> slot = slot(family);
        for (int restarts = 0; ; restarts++) {
            if (restarts > 0) {
                // the leaving provider may still be the current one for a moment
                java.util.concurrent.locks.LockSupport.parkNanos(100_000L * Math.min(restarts, 10));
            }
            try (ServiceSlot.Lease<Binding> lease = slot.acquire(new Unavailable(name, family))) {
                Syscall syscall = lease.service().byName().get(name);
                if (syscall == null) {
                    throw new PebbleException(Errno.NOSYS,
                            name + ": not offered by the provider of family '" + family + "'");
                }
                return syscall.handler().call(caller, args);
            } catch (Restart again) {
                continue; // the lease is given back: the next acquire finds the successor
            } catch (PebbleException | Terminated e) {
                throw e;
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                // A provider bug must not reach the user as a Java stack trace: the log keeps it.
                LOG.log(Level.WARNING, "syscall " + name + " failed", e);
                Errno errno = e instanceof OutOfMemoryError ? Errno.NOMEM : Errno.IO;
                throw new PebbleException(errno, name + ": internal error: " + e);
            }
        }
    }

    @Override
    public List<String> families() {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, ServiceSlot<Binding>> e : new TreeMap<>(slots).entrySet()) {
            if (e.getValue().current() != null) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    @Override
    public Map<String, String> table() {
        Map<String, String> out = new TreeMap<>();
        for (ServiceSlot<Binding> slot : slots.values()) {
            Binding b = slot.current();
            if (b != null) {
                for (String name : b.byName().keySet()) {
                    out.put(name, b.family().name());
                }
            }
        }
        return out;
    }

    @Override
    public Syscall lookup(String name) {
        String family = familyOfName.get(name);
        if (family == null) {
            return null;
        }
        Binding b = slot(family).current();
        return b == null ? null : b.byName().get(name);
    }

    @Override
    public List<Map<String, Object>> status() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map.Entry<String, ServiceSlot<Binding>> e : new TreeMap<>(slots).entrySet()) {
            ServiceSlot<Binding> slot = e.getValue();
            ServiceSlot.Candidate<Binding> c = slot.currentCandidate();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("family", e.getKey());
            row.put("provider", c == null ? "" : c.provider());
            row.put("ranking", c == null ? 0L : (long) c.ranking());
            row.put("providers", (long) slot.candidates().size());
            row.put("calls", c == null ? 0L : c.calls());
            row.put("swap_waits", slot.swapWaits());
            row.put("waiting", (long) slot.waiting());
            row.put("longest_wait_ms", slot.longestWaitMillis());
            row.put("preferred", slot.preferred() == null ? "" : slot.preferred());
            out.add(row);
        }
        return out;
    }

    /** The slot of a family, for the service family's provider switching. */
    ServiceSlot<Binding> slot(String family) {
        return slots.computeIfAbsent(family, newSlot);
    }

    /** The slot of a family not seen before, with the swap window configured now. */
    private final class NewSlot implements Function<String, ServiceSlot<Binding>> {
        @Override
        public ServiceSlot<Binding> apply(String family) {
            ServiceSlot<Binding> s = new ServiceSlot<>("family '" + family + "'");
            s.setWindowMillis(windowMillis);
            return s;
        }
    }

    /** The NOSYS message of a call whose family has no provider (made only when the call fails). */
    private static final class Unavailable implements Supplier<String> {
        private final String name;
        private final String family;

        Unavailable(String name, String family) {
            this.name = name;
            this.family = family;
        }

        @Override
        public String get() {
            return name + ": syscall family '" + family + "' is not available";
        }
    }

    @Override
    public void prefer(String family, String provider) {
        slot(family).prefer(provider);
    }

    @Override
    public List<String> providers(String family) {
        ServiceSlot<Binding> s = slot(family);
        List<String> out = new ArrayList<>();
        ServiceSlot.Candidate<Binding> current = s.currentCandidate();
        if (current != null) {
            out.add(current.provider());
        }
        for (ServiceSlot.Candidate<Binding> c : s.candidates()) {
            if (c != current) {
                out.add(c.provider());
            }
        }
        return out;
    }
}
