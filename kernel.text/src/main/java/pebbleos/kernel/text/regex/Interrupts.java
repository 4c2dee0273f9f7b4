package pebbleos.kernel.text.regex;

/**
 * How a long search lets the kernel in: polled every few thousand steps, it
 * delivers a pending signal (Ctrl-C ends a runaway pattern) by throwing.
 */
@FunctionalInterface
public interface Interrupts {
    Interrupts NONE = () -> {
    };

    void poll();
}
