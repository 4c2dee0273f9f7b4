package pebbleos.api.engine;

/**
 * How a {@link Task#run()} ended.
 *
 * @param kind   {@link Kind#DONE}, {@link Kind#ERROR} or {@link Kind#SUSPENDED}
 * @param status the exit status: 0 when done, 1 after an uncaught error
 * @param result the value a thread's function returned ({@code None} otherwise)
 * @param error  the error text for stderr ({@code FILE:LINE: message}), or {@code null}
 */
public record Outcome(Kind kind, int status, Object result, String error) {
    public enum Kind { DONE, ERROR, SUSPENDED }

    public static Outcome done(Object result) {
        return new Outcome(Kind.DONE, 0, result, null);
    }

    public static Outcome error(String text) {
        return new Outcome(Kind.ERROR, 1, null, text);
    }

    public static Outcome suspended() {
        return new Outcome(Kind.SUSPENDED, 0, null, null);
    }
}
