package pebbleos.api.process;

/** Signal numbers of the Pebble ABI (Linux numbering) and their names. */
public final class Signals {
    public static final int SIGHUP = 1;
    public static final int SIGINT = 2;
    public static final int SIGQUIT = 3;
    public static final int SIGKILL = 9;
    public static final int SIGUSR1 = 10;
    public static final int SIGUSR2 = 12;
    public static final int SIGPIPE = 13;
    public static final int SIGALRM = 14;
    public static final int SIGTERM = 15;
    public static final int SIGCHLD = 17;
    public static final int SIGCONT = 18;
    public static final int SIGSTOP = 19;
    public static final int SIGTSTP = 20;
    public static final int SIGTTIN = 21;
    public static final int SIGTTOU = 22;
    /** The CPU time limit of the process ({@code ulimit -t}) has been reached. */
    public static final int SIGXCPU = 24;
    public static final int SIGWINCH = 28;

    private static final String[] NAMES = new String[32];

    static {
        NAMES[SIGHUP] = "SIGHUP";
        NAMES[SIGINT] = "SIGINT";
        NAMES[SIGQUIT] = "SIGQUIT";
        NAMES[SIGKILL] = "SIGKILL";
        NAMES[SIGUSR1] = "SIGUSR1";
        NAMES[SIGUSR2] = "SIGUSR2";
        NAMES[SIGPIPE] = "SIGPIPE";
        NAMES[SIGALRM] = "SIGALRM";
        NAMES[SIGTERM] = "SIGTERM";
        NAMES[SIGCHLD] = "SIGCHLD";
        NAMES[SIGCONT] = "SIGCONT";
        NAMES[SIGSTOP] = "SIGSTOP";
        NAMES[SIGTSTP] = "SIGTSTP";
        NAMES[SIGTTIN] = "SIGTTIN";
        NAMES[SIGTTOU] = "SIGTTOU";
        NAMES[SIGWINCH] = "SIGWINCH";
        NAMES[SIGXCPU] = "SIGXCPU";
    }

    private Signals() {
    }

    /** "SIGINT" for 2; "SIG" + number for a signal without a name. */
    public static String name(int signal) {
        if (signal > 0 && signal < NAMES.length && NAMES[signal] != null) {
            return NAMES[signal];
        }
        return "SIG" + signal;
    }

    /** The number of "INT", "SIGINT" or "2"; -1 when unknown. */
    public static int parse(String text) {
        String t = text.trim().toUpperCase();
        if (t.startsWith("-")) {
            t = t.substring(1);
        }
        if (!t.isEmpty() && Character.isDigit(t.charAt(0))) {
            try {
                int n = Integer.parseInt(t);
                return n > 0 && n < 65 ? n : -1;
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        if (!t.startsWith("SIG")) {
            t = "SIG" + t;
        }
        for (int i = 0; i < NAMES.length; i++) {
            if (t.equals(NAMES[i])) {
                return i;
            }
        }
        return -1;
    }

    /** Signals whose default action ends the process. */
    public static boolean terminates(int signal) {
        return signal != SIGCHLD && signal != SIGCONT && signal != SIGWINCH
                && signal != SIGTSTP && signal != SIGSTOP && signal != SIGTTIN && signal != SIGTTOU;
    }

    /** Signals whose default action stops the process. */
    public static boolean stops(int signal) {
        return signal == SIGTSTP || signal == SIGSTOP || signal == SIGTTIN || signal == SIGTTOU;
    }
}
