package pebbleos.kernel.proc;

import pebbleos.api.process.Credentials;

/**
 * Who a new process is: its credentials, its umask, whether it runs with
 * more privilege than its invoker gave it (a set-user-id program: see
 * {@link pebbleos.api.process.ProcessView#secure()}), and the login name of
 * its session. A child gets its parent's, except where its spawn says
 * otherwise (only root may say so, or a set-user-id program in /system).
 *
 * @param credentials real and effective ids and groups
 * @param umask       the mode bits new files do not get
 * @param secure      started set-user-id or set-group-id
 * @param login       the session's login name ({@code ""} when none)
 */
record Identity(Credentials credentials, int umask, boolean secure, String login) {
    /** The first process: root, umask 022, no session yet. */
    static final Identity KERNEL = new Identity(Credentials.ROOT, 022, false, "");

    Identity withCredentials(Credentials c) {
        return new Identity(c, umask, secure, login);
    }

    Identity asSecure() {
        return new Identity(credentials, umask, true, login);
    }

    Identity withLogin(String name) {
        return new Identity(credentials, umask, secure, name);
    }
}
