package pebbleos.lang.vm.machine;

import static pebbleos.lang.vm.code.Opcode.*;
import pebbleos.api.value.PDict;
import pebbleos.api.value.PList;
import pebbleos.api.value.Values;
import pebbleos.lang.core.runtime.Access;
import pebbleos.lang.core.runtime.Errors;
import pebbleos.lang.core.runtime.Ops;
import pebbleos.lang.core.runtime.PebbleError;
import pebbleos.lang.core.runtime.PModule;
import pebbleos.lang.vm.code.Proto;

/**
 * The instructions that are not on the hot paths of the dispatch loop:
 * run out of line so that {@link Machine}'s loop stays small and the JIT
 * compiles it early. Each returns the next pc; the loop reloads the value
 * stack afterwards because some (imports) run nested code.
 */
final class RareInstructions {
    private RareInstructions() {
    }

    /**
     * The instructions that are not on the hot paths, out of the dispatch loop
     * so that the loop stays small and the JIT compiles it early and well.
     * Returns the next pc; may run nested code (imports, builtins), so the
     * loop reloads the stack after it.
     */
    static int run(Machine m, int w, int a, int pc, Frame f, Proto p, PModule module, Object[] k, int[] code, int base) {
        Object[] st = m.stack;
        switch (w & 0xFF) {
            case OP_CHECK -> {
                if (st[a] == null) {
                    throw SlowPaths.unknown(p.localNames[w >>> 8], false);
                }
                return pc + 1;
            }
            case OP_GETCELL -> {
                st[a] = SlowPaths.cellValue(st[base + code[pc + 1]], p.localNames[code[pc + 1]]);
                return pc + 2;
            }
            case OP_SETCELL -> {
                ((pebbleos.lang.core.runtime.Cell) st[a]).value = PList.copyValue(st[base + code[pc + 1]]);
                return pc + 2;
            }
            case OP_GETFREE -> {
                st[a] = SlowPaths.cellValue(f.function.closure[code[pc + 1]], p.freeNames[code[pc + 1]]);
                return pc + 2;
            }
            case OP_GETCG -> {
                st[a] = SlowPaths.classOrGlobal(m, f, code[pc + 1], code[pc + 2] != 0);
                return pc + 3;
            }
            case OP_GETNS -> {
                st[a] = SlowPaths.namespaceOrGlobal(m, f, st[base + code[pc + 1]], code[pc + 2],
                        code[pc + 3] != 0);
                return pc + 4;
            }
            case OP_SETNS -> {
                SlowPaths.namespace(st[base + code[pc + 1]]).put(p.unit().globalNames[code[pc + 2]],
                        PList.copyValue(st[a]));
                return pc + 3;
            }
            case OP_DIV -> {
                st[a] = Ops.div(m.operand(st, base, module, code[pc + 1]), m.operand(st, base, module, code[pc + 2]));
                return pc + 3;
            }
            case OP_IDIV -> {
                st[a] = Ops.floorDiv(m.operand(st, base, module, code[pc + 1]), m.operand(st, base, module, code[pc + 2]));
                return pc + 3;
            }
            case OP_POW -> {
                st[a] = Ops.pow(m.operand(st, base, module, code[pc + 1]), m.operand(st, base, module, code[pc + 2]));
                return pc + 3;
            }
            case OP_IADD -> {
                Object x = st[base + code[pc + 1]];
                Object y = st[base + code[pc + 2]];
                if (x instanceof PList lx && y instanceof PList ly) {
                    lx.extend(ly);
                    return code[pc + 3];
                } else {
                    st[a] = Ops.add(x, y);
                    return pc + 4;
                }
            }
            case OP_LE -> {
                st[a] = Ops.le(m.operand(st, base, module, code[pc + 1]), m.operand(st, base, module, code[pc + 2]));
                return pc + 3;
            }
            case OP_GT -> {
                st[a] = Ops.gt(m.operand(st, base, module, code[pc + 1]), m.operand(st, base, module, code[pc + 2]));
                return pc + 3;
            }
            case OP_GE -> {
                st[a] = Ops.ge(m.operand(st, base, module, code[pc + 1]), m.operand(st, base, module, code[pc + 2]));
                return pc + 3;
            }
            case OP_NE -> {
                st[a] = Ops.ne(m.operand(st, base, module, code[pc + 1]), m.operand(st, base, module, code[pc + 2]));
                return pc + 3;
            }
            case OP_IN -> {
                st[a] = Ops.bool(Ops.contains(m.operand(st, base, module, code[pc + 2]), m.operand(st, base, module, code[pc + 1])));
                return pc + 3;
            }
            case OP_NIN -> {
                st[a] = Ops.bool(!Ops.contains(m.operand(st, base, module, code[pc + 2]), m.operand(st, base, module, code[pc + 1])));
                return pc + 3;
            }
            case OP_NEG -> {
                st[a] = Ops.negate(st[base + code[pc + 1]]);
                return pc + 2;
            }
            case OP_POS -> {
                st[a] = Ops.plus(st[base + code[pc + 1]]);
                return pc + 2;
            }
            case OP_NOT -> {
                st[a] = Values.truthy(st[base + code[pc + 1]]) ? Boolean.FALSE : Boolean.TRUE;
                return pc + 2;
            }
            case OP_CHKCALL -> {
                SlowPaths.precheck(st[a], code[pc + 1]);
                return pc + 2;
            }
            case OP_NEWLIST -> {
                int first = base + code[pc + 1];
                int n = code[pc + 2];
                Object[] items = new Object[n];
                for (int i = 0; i < n; i++) {
                    items[i] = PList.copyValue(st[first + i]);
                }
                st[a] = PList.adopt(items, n);
                return pc + 3;
            }
            case OP_NEWDICT -> {
                st[a] = new PDict();
                return pc + 1;
            }
            case OP_DICTSET -> {
                ((PDict) st[a]).put(st[base + code[pc + 1]], PList.copyValue(st[base + code[pc + 2]]));
                return pc + 3;
            }
            case OP_DELX -> {
                Access.delete(st[a], st[base + code[pc + 1]]);
                return pc + 2;
            }
            case OP_SLICE -> {
                int lo = code[pc + 2];
                int hi = code[pc + 3];
                st[a] = Access.slice(st[base + code[pc + 1]], lo < 0 ? null : st[base + lo],
                        hi < 0 ? null : st[base + hi]);
                return pc + 4;
            }
            case OP_SETA -> {
                Access.setAttribute(st[a], (String) k[code[pc + 1]], st[base + code[pc + 2]]);
                return pc + 3;
            }
            case OP_CLOSURE -> {
                st[a] = SlowPaths.closure(p, f, st, base, code[pc + 1]);
                return pc + 2;
            }
            case OP_NEWNS -> {
                st[a] = new java.util.LinkedHashMap<String, Object>();
                return pc + 1;
            }
            case OP_CHKBASE -> {
                if (!(st[a] instanceof pebbleos.lang.core.runtime.PClass)) {
                    throw Errors.extendsNonClass();
                }
                return pc + 1;
            }
            case OP_CLASS -> {
                int baseClass = code[pc + 2];
                st[a] = SlowPaths.makeClass((String) k[code[pc + 3]], st[base + code[pc + 1]],
                        baseClass < 0 ? null : st[base + baseClass]);
                return pc + 4;
            }
            case OP_IMPORT, OP_MODULE -> {
                f.pc = pc + ((w & 0xFF) == OP_MODULE ? 2 : 3);
                Object imported = SlowPaths.importModule(m, (String) k[code[pc + 1]],
                        (w & 0xFF) == OP_MODULE || code[pc + 2] != 0);
                st = m.stack;
                st[a] = imported;
                return pc + ((w & 0xFF) == OP_MODULE ? 2 : 3);
            }
            case OP_MEMBER -> {
                st[a] = SlowPaths.member(st[base + code[pc + 1]], (String) k[code[pc + 2]]);
                return pc + 3;
            }
            case OP_PRINT -> {
                m.ctx.print(Values.str(st[a]).concat("\n"));
                return pc + 1;
            }
            case OP_PRINTNL -> {
                m.ctx.print("\n");
                return pc + 1;
            }
            case OP_RAISE -> throw new PebbleError(Values.str(st[a]));
            case OP_RERAISE -> throw SlowPaths.handling(m, pc);
            case OP_THROW -> throw (PebbleError) st[a];
            case OP_CAUGHT -> {
                st[a] = ((PebbleError) st[base + code[pc + 1]]).caught();
                return pc + 2;
            }
            case OP_FORRANGE -> {
                if (st[a] == SlowPaths.RANGE) {
                    st[a] = SlowPaths.rangeIterator(m, st, a, code[pc + 1]);
                    return code[pc + 2];
                } else {
                    return pc + 3;
                }
            }
            case OP_ITER -> {
                st[a] = Iter.over(st[a]);
                return pc + 1;
            }
            default -> throw new PebbleError("bad instruction " + (w & 0xFF) + " at " + pc);
        }
    }

}
