package pebbleos.kernel.net;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import pebbleos.api.net.Wakeups;
import pebbleos.api.syscall.Syscall;
import pebbleos.api.syscall.SyscallFamily;
import pebbleos.kernel.net.http.HttpCalls;

/**
 * The {@code net} family: TCP and UDP sockets as descriptors of the caller's
 * table, name lookup, and an HTTP(S) client call. The socket objects are
 * {@code pebbleos.api.net} channels owned by the descriptor tables, so
 * connections outlive this component.
 *
 * <p>Registered from {@link #activate} rather than by DS, so that
 * {@link #deactivate} can first end the waits it has in flight (an accept, a
 * receive, a lookup, a request), which the syscall table then runs again on
 * the successor, and only then unregister: a DS-registered service would be
 * unregistered first, and the table would wait the whole swap window for
 * those calls.
 */
@Component(immediate = true, service = {})
public final class NetFamily implements SyscallFamily {
    /** The state a thread shows while a net call waits. */
    public static final String BLOCKED = "blocked-net";

    private final Wakeups waits = new Wakeups();
    private Resolver resolver;
    private HttpCalls http;
    private List<Syscall> syscalls;
    private ServiceRegistration<SyscallFamily> registration;

    @Activate
    void activate(BundleContext context) {
        resolver = new Resolver();
        http = new HttpCalls(waits);
        List<Syscall> all = new ArrayList<>();
        all.addAll(new SocketCalls(resolver, waits).syscalls());
        all.addAll(new DatagramCalls(resolver, waits).syscalls());
        all.addAll(http.syscalls());
        syscalls = List.copyOf(all);
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(SyscallFamily.FAMILY, name());
        registration = context.registerService(SyscallFamily.class, this, props);
    }

    @Deactivate
    void deactivate() {
        waits.cancel();
        registration.unregister();
        resolver.close();
        http.close();
    }

    @Override
    public String name() {
        return "net";
    }

    @Override
    public List<Syscall> syscalls() {
        return syscalls;
    }
}
