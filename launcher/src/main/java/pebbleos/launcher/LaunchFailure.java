package pebbleos.launcher;

/** The image cannot be started; the message is for the user (no stack trace). */
final class LaunchFailure extends Exception {
    private static final long serialVersionUID = 1L;

    LaunchFailure(String message) {
        super(message, null, false, false);
    }
}
