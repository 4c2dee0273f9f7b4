package pebbleos.lang.vm.compiler;

import java.util.ArrayList;
import java.util.List;

/** A jump target: unbound while code jumping to it is emitted, patched when it is bound. */
final class Label {
    int position = -1;
    /** Code indexes of jump-target words waiting for the position. */
    final List<Integer> uses = new ArrayList<>();

    boolean bound() {
        return position >= 0;
    }
}
