package pebbleos.lang.core.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import pebbleos.api.value.Printable;

/**
 * A module: its globals live in slots, numbered at compile time so that
 * compiled code reads them by index. A name outside the compiled layout
 * (set from outside, {@code mod.x = 1}) gets a new slot.
 */
public final class PModule implements Printable {
    public final String name;
    /** The file it was loaded from, or null for built-in modules. */
    public final String path;
    /** The slot values; {@code null} means unassigned. Compiled code indexes it directly. */
    public Object[] values;
    private final Map<String, Integer> index;
    private final List<String> names;
    /**
     * The engine's inline caches for the code running in this module (per
     * function, per instruction): kept with the module, so that what they
     * hold (a process's classes and functions) lives no longer than the
     * process, though the code itself is shared by every process.
     */
    public Object[][] siteCaches;
    /** Errors raised inside this module's functions are reported at the caller's line (runtime, kernel modules). */
    public boolean transparent;

    public PModule(String name, String path, List<String> slotNames) {
        this.name = name;
        this.path = path;
        this.names = new ArrayList<>(slotNames);
        this.index = new HashMap<>(slotNames.size() * 2);
        for (int i = 0; i < slotNames.size(); i++) {
            index.put(slotNames.get(i), i);
        }
        this.values = new Object[Math.max(1, slotNames.size())];
    }

    /** The value of a global, or {@code null} when unassigned or unknown. */
    public Object get(String name) {
        Integer slot = index.get(name);
        return slot == null ? null : values[slot];
    }

    /** Set a global, adding a slot for a new name. */
    public void set(String name, Object value) {
        int slot = slotOf(name); // may grow the array: index it afterwards
        values[slot] = value;
    }

    /** The slot of {@code name}, or -1 when the module has none for it. */
    public int slotIfPresent(String name) {
        Integer slot = index.get(name);
        return slot == null ? -1 : slot;
    }

    /** The slot of {@code name}, added if needed. */
    public int slotOf(String name) {
        Integer slot = index.get(name);
        if (slot != null) {
            return slot;
        }
        int s = names.size();
        names.add(name);
        index.put(name, s);
        if (s >= values.length) {
            values = Arrays.copyOf(values, Math.max(s + 1, values.length * 2));
        }
        return s;
    }

    /** Every slot's name, in slot order (assigned or not): the layout compiled code relies on. */
    public List<String> slotNames() {
        return List.copyOf(names);
    }

    /** The name of slot {@code slot}. */
    public String nameOf(int slot) {
        return names.get(slot);
    }

    /** The assigned globals, in slot order. */
    public List<String> definedNames() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (i < values.length && values[i] != null) {
                out.add(names.get(i));
            }
        }
        return out;
    }

    @Override
    public String str() {
        return "<module " + name + ">";
    }

    @Override
    public String typeName() {
        return "module";
    }
}
