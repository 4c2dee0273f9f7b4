package pebbleos.lang.vm.compiler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The constants of a unit: literal values and attribute, module and class
 * names, each stored once. Keys include the Java class, so that {@code 1},
 * {@code 1.0} and {@code True} stay distinct constants.
 */
final class ConstantPool {
    private final List<Object> values = new ArrayList<>();
    private final Map<List<Object>, Integer> index = new HashMap<>();

    int add(Object value) {
        List<Object> key = List.of(value.getClass(), value);
        Integer known = index.get(key);
        if (known != null) {
            return known;
        }
        int i = values.size();
        values.add(value);
        index.put(key, i);
        return i;
    }

    Object[] toArray() {
        return values.toArray();
    }
}
