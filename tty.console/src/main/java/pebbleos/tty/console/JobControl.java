package pebbleos.tty.console;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

import pebbleos.api.PebbleException;
import pebbleos.api.process.Processes;
import pebbleos.api.process.Signals;

/**
 * The job-control keys of the terminal, acting on the foreground process
 * group: {@code ^C} sends SIGINT, {@code ^Z} sends SIGTSTP, {@code F1} asks
 * for the job to be detached into the background (it is stopped with SIGTSTP
 * and the shell, seeing the detach request through {@code term_take_detach},
 * continues it in the background). The terminal echoes {@code ^C} and
 * {@code ^Z} as a terminal in cooked mode does.
 */
final class JobControl {
    static final String INTERRUPT = "^C";
    static final String SUSPEND = "^Z";
    static final String DETACH = "F1";

    private final Supplier<Processes> processes;
    private final Consumer<String> echo;
    private final Set<Integer> detachRequests = ConcurrentHashMap.newKeySet();

    JobControl(Supplier<Processes> processes, Consumer<String> echo) {
        this.processes = processes;
        this.echo = echo;
    }

    static boolean isJobKey(String key) {
        return INTERRUPT.equals(key) || SUSPEND.equals(key) || DETACH.equals(key);
    }

    /**
     * Act on a job-control key; returns false (and does nothing) for other keys.
     *
     * @param echoKey whether to echo {@code ^C}/{@code ^Z} (the line editor shows them itself)
     */
    boolean handle(String key, boolean echoKey) {
        switch (key) {
            case INTERRUPT:
                if (echoKey) {
                    echo.accept("^C");
                }
                signalForeground(Signals.SIGINT);
                return true;
            case SUSPEND:
                if (echoKey) {
                    echo.accept("^Z");
                }
                signalForeground(Signals.SIGTSTP);
                return true;
            case DETACH:
                int group = foreground();
                if (group != 0) {
                    detachRequests.add(group);
                    signalForeground(Signals.SIGTSTP);
                }
                return true;
            default:
                return false;
        }
    }

    /** True once (then forgotten) when F1 asked for group {@code pgid} to go to the background. */
    boolean takeDetach(int pgid) {
        return detachRequests.remove(pgid);
    }

    int foreground() {
        Processes p = processes.get();
        return p == null ? 0 : p.foregroundGroup();
    }

    private void signalForeground(int signal) {
        Processes p = processes.get();
        int group = p == null ? 0 : p.foregroundGroup();
        if (group == 0) {
            return;
        }
        try {
            p.signalGroup(group, signal);
        } catch (PebbleException e) {
            // the group has just ended: nothing to signal
        }
    }
}
