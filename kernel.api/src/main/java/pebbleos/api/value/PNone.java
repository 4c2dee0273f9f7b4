package pebbleos.api.value;

/** Pebble's {@code None}: one instance, printed as {@code None}, false in conditions. */
public final class PNone {
    public static final PNone NONE = new PNone();

    private PNone() {
    }

    @Override
    public String toString() {
        return "None";
    }
}
