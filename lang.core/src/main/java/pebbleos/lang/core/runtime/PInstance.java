package pebbleos.lang.core.runtime;

import java.util.HashMap;
import java.util.Map;

import pebbleos.api.value.Footprint;
import pebbleos.api.value.Printable;

/** An instance of a {@link PClass}: a reference value with its own fields. */
public final class PInstance implements Printable, Footprint.Sized {
    public final PClass cls;
    public final Map<String, Object> fields = new HashMap<>(8);

    public PInstance(PClass cls) {
        this.cls = cls;
    }

    @Override
    public String str() {
        return "<" + cls.name + " instance>";
    }

    @Override
    public String typeName() {
        return "instance";
    }

    /** The instance, its field map and what the fields hold (a few measured, {@code depth} deep). */
    @Override
    public long footprint(int depth) {
        int n = fields.size();
        long bytes = 24 + 48 + 16 + 4L * Math.max(16, Integer.highestOneBit(Math.max(1, n) * 2)) + 32L * n;
        if (depth > 0 && n > 0) {
            long values = 0;
            int seen = 0;
            for (Object v : fields.values()) {
                values += Footprint.of(v, depth);
                if (++seen == 4) {
                    break;
                }
            }
            bytes += values * n / seen;
        }
        return bytes;
    }
}
