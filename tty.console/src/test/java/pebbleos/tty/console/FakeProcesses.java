package pebbleos.tty.console;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.process.Processes;
import pebbleos.api.process.Signals;

/**
 * A process table that only knows groups: it records the signals sent to
 * them. A proxy, so that methods the kernel adds to {@link Processes} later
 * do not break the tests.
 */
final class FakeProcesses {
    volatile int foreground;
    final Set<Integer> groups = new CopyOnWriteArraySet<>();
    private final List<String> signals = new ArrayList<>();

    Processes service() {
        return (Processes) Proxy.newProxyInstance(Processes.class.getClassLoader(), new Class<?>[] {Processes.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "signalGroup":
                        case "signal":
                            signal((Integer) args[0], (Integer) args[1]);
                            return null;
                        case "foregroundGroup":
                            return foreground;
                        case "setForegroundGroup":
                            foreground = (Integer) args[0];
                            return null;
                        case "toString":
                            return "FakeProcesses";
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        case "equals":
                            return proxy == args[0];
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }

    private void signal(int pgid, int signal) {
        if (!groups.contains(pgid)) {
            throw new PebbleException(Errno.SRCH, "process group " + pgid + " does not exist");
        }
        if (signal != 0) {
            synchronized (signals) {
                signals.add(pgid + ":" + Signals.name(signal));
            }
        }
    }

    List<String> signals() {
        synchronized (signals) {
            return new ArrayList<>(signals);
        }
    }
}
