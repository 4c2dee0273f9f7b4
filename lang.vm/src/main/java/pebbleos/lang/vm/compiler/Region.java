package pebbleos.lang.vm.compiler;

import java.util.ArrayList;
import java.util.List;

/**
 * A stretch of code guarded by a handler (a try body) or in which an error is
 * being handled (an except block). It may be made of several intervals: code
 * that leaves the region early (the inlined finally blocks of break, continue
 * and return) is cut out of it, exactly as the interpreter runs that code
 * outside the try.
 */
final class Region {
    final List<int[]> intervals = new ArrayList<>();
    private int openAt = -1;

    void open(int pc) {
        openAt = pc;
    }

    void close(int pc) {
        if (openAt >= 0 && pc > openAt) {
            intervals.add(new int[] {openAt, pc});
        }
        openAt = -1;
    }

    boolean isOpen() {
        return openAt >= 0;
    }
}
