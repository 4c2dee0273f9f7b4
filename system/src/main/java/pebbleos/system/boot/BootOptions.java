package pebbleos.system.boot;

import java.util.ArrayList;
import java.util.List;

/**
 * The parsed command line of {@code ./pebbleos}:
 * {@code [--root DIR] [--fs-mode MODE] [--allow-system-writes] [--login | --user NAME] [-c LINE] [SCRIPT [ARGS]]},
 * plus {@code --help}, {@code --version} and {@code --bundles}. {@code user}
 * is the session's user ({@code pebble} unless {@code --user} names
 * another), {@code login} asks for one at a prompt instead.
 */
record BootOptions(String root, String fsMode, boolean allowSystemWrites, String command,
        List<String> script, boolean help, boolean version, boolean bundles, boolean gogo, String user,
        boolean login) {

    static final String USAGE = "usage: pebbleos [--root DIR] [--fs-mode MODE] [--allow-system-writes] "
            + "[--gogo] [--login | --user NAME] [-c COMMANDLINE] [SCRIPT [ARGS]]";
    /** The session's user when the command line names none: the disk's own user. */
    static final String DEFAULT_USER = "pebble";

    static final String DEFAULT_MODE = "hostfs";
    static final List<String> MODES = List.of(DEFAULT_MODE, "mfs", "mfs-import", "vfs-import", "vfs-persistent");

    /** A usage error: the message for stderr; the launcher exits 2. */
    static final class UsageError extends Exception {
        private static final long serialVersionUID = 1L;

        UsageError(String message) {
            super(message, null, false, false);
        }
    }

    static BootOptions parse(String[] args) throws UsageError {
        String root = null;
        String mode = DEFAULT_MODE;
        boolean allow = false;
        String command = null;
        boolean help = false;
        boolean version = false;
        boolean bundles = false;
        boolean gogo = false;
        String user = null;
        boolean login = false;
        List<String> script = new ArrayList<>();
        int i = 0;
        while (i < args.length) {
            String a = args[i];
            if (!a.startsWith("-") || a.equals("-")) {
                break;
            }
            i++;
            switch (a) {
                case "--" -> {
                    return finish(root, mode, allow, command, rest(args, i), help, version, bundles, gogo, user, login);
                }
                case "--root" -> root = value(args, i++, a);
                case "--fs-mode" -> {
                    mode = value(args, i++, a);
                    if (!MODES.contains(mode)) {
                        throw new UsageError("unknown filesystem mode '" + mode + "' (choose from "
                                + String.join(", ", MODES) + ")");
                    }
                }
                case "--allow-system-writes" -> allow = true;
                case "-c" -> command = value(args, i++, a);
                case "-h", "--help" -> help = true;
                case "-V", "--version" -> version = true;
                case "--bundles" -> bundles = true;
                case "--gogo" -> gogo = true;
                case "--login" -> login = true;
                case "--user" -> user = value(args, i++, a);
                default -> {
                    if (a.startsWith("--root=")) {
                        root = a.substring(7);
                    } else if (a.startsWith("--user=")) {
                        user = a.substring(7);
                    } else if (a.startsWith("--fs-mode=")) {
                        String[] again = {"--fs-mode", a.substring(10)};
                        mode = parse(again).fsMode();
                    } else {
                        throw new UsageError("unknown option '" + a + "'");
                    }
                }
            }
        }
        script.addAll(rest(args, i));
        return finish(root, mode, allow, command, script, help, version, bundles, gogo, user, login);
    }

    private static BootOptions finish(String root, String mode, boolean allow, String command, List<String> script,
            boolean help, boolean version, boolean bundles, boolean gogo, String user, boolean login)
            throws UsageError {
        if (login && user != null) {
            throw new UsageError("--login and --user cannot be used together");
        }
        if (user != null && (user.isEmpty() || user.contains(":") || user.contains("\n"))) {
            throw new UsageError("invalid user name '" + user + "'");
        }
        return new BootOptions(root, mode, allow, command, List.copyOf(script), help, version, bundles, gogo,
                user == null ? DEFAULT_USER : user, login);
    }

    private static List<String> rest(String[] args, int from) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < args.length; i++) {
            out.add(args[i]);
        }
        return out;
    }

    private static String value(String[] args, int i, String option) throws UsageError {
        if (i >= args.length) {
            throw new UsageError("option '" + option + "' needs a value");
        }
        return args[i];
    }

    static String helpText() {
        return USAGE + "\n\n"
                + "Boot PebbleOS and enter its shell, run one command line, or run a shell script.\n\n"
                + "  --root DIR             the host folder behind the disk (default: ./pebble_disk)\n"
                + "  --fs-mode MODE         storage mode: " + String.join(", ", MODES) + " (default: hostfs)\n"
                + "  --allow-system-writes  make /system writable\n"
                + "  --gogo                 enable the Gogo shell bridge\n"
                + "  --login                ask for a user name and password (login: and Password:) first\n"
                + "  --user NAME            run the session as user NAME, without a password (default: pebble;\n"
                + "                         whoever can run ./pebbleos on the disk folder owns the disk anyway)\n"
                + "  -c COMMANDLINE         run one command line; the exit status is its status\n"
                + "  SCRIPT [ARGS]          run a shell script with arguments\n"
                + "  --bundles              list the bundles of the image and their states\n"
                + "  --version              print the version\n"
                + "  --help                 print this help\n"
                + "\nWith no command and no script, commands piped into standard input run as a script.\n";
    }
}
