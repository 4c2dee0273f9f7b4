package pebbleos.api.syscall;

/**
 * Thrown by a handler whose provider is leaving (a hot swap) while the call
 * was waiting, before the call did anything visible: the syscall table gives
 * the call's lease back and runs it again on the successor, waiting for one
 * within the swap window as a new call would. So a call blocked in a leaving
 * provider (an accept, a receive) neither holds the swap up nor fails.
 * Stackless: it is control flow.
 */
public class Restart extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Restart() {
        super("restart the call on the provider's successor", null, false, false);
    }
}
