package pebbleos.lang.core.builtins;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.fail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;

import pebbleos.api.value.PDict;
import pebbleos.api.value.PList;
import pebbleos.api.value.PNone;
import pebbleos.lang.core.runtime.PBuiltin;

/**
 * The builtins answered by a family's switch ({@link PBuiltin.Table}): every
 * registered name has a number of its own in its family, and the switch has
 * a case for it. A numbering slip would otherwise surface only when a
 * program first called the builtin.
 */
public class BuiltinTablesTest {
    private static List<PBuiltin> everyBuiltin() {
        List<PBuiltin> all = new ArrayList<>(Builtins.all().values());
        all.addAll(Methods.all());
        return all;
    }

    @Test
    public void eachBuiltinHasANumberOfItsOwnInItsFamily() {
        Map<PBuiltin.Case, String> seen = new HashMap<>();
        int cases = 0;
        for (PBuiltin b : everyBuiltin()) {
            if (b.body instanceof PBuiltin.Case c) {
                cases++;
                String before = seen.put(c, b.name);
                assertEquals(b.name + " shares its number with " + before, null, before);
            }
        }
        assertFalse("no builtin is answered by a switch", cases == 0);
    }

    @Test
    public void eachFamilysSwitchHasACaseForEveryNumberItGave() {
        for (PBuiltin b : everyBuiltin()) {
            if (!(b.body instanceof PBuiltin.Case c)) {
                continue;
            }
            Object[] args = new Object[b.minArgs];
            java.util.Arrays.fill(args, PNone.NONE);
            if (Methods.all().contains(b) && args.length > 0) {
                args[0] = receiverFor(b);
            }
            try {
                c.table().call(c.id(), null, args);
            } catch (IllegalStateException e) {
                fail(b.name + ": " + e.getMessage());
            } catch (RuntimeException expected) {
                // a bad argument, or no process behind the null runtime: the case was found
            }
        }
    }

    private static Object receiverFor(PBuiltin method) {
        if (Methods.lookup("", method.name) == method) {
            return "";
        }
        return Methods.lookup(new PList(), method.name) == method ? new PList() : new PDict();
    }
}
