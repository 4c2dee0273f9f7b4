package pebbleos.lang.vm.code;

/**
 * The instruction set of the Pebble VM: a register machine in the style of
 * Lua 5.4. Each function has a window of registers on the VM's value stack;
 * its parameters and locals are the first registers, temporaries follow.
 *
 * <pre>
 * Encoding: an instruction is 1..5 ints in the function's code array.
 *
 *   word 0   | A (24 bits)                          | opcode (8 bits) |
 *   word 1.. | B, C, D: one whole int each (registers, constant indexes, immediates, jump targets)
 *
 * Operand notation:
 *   R[x]   register x of the running frame        K[x]  constant x of the compilation unit
 *   G[x]   global slot x of the frame's module    U[x]  captured cell x of the running function
 *   P[x]   function prototype x of the unit       I     a signed 32-bit immediate integer
 *   J      an absolute jump target (code index)   S     the sense of a test: 1 jump if true, 0 if false
 *   N      a count (arguments, items)             F     a flag, 0 or 1
 *   copy(v) the value-semantics copy: lists and dicts are copied (copy-on-write), the rest as is
 * </pre>
 *
 * <p>Global operands: the B and C operands of the arithmetic instructions
 * (ADD .. POW, ADDI, SUBI, MULI), of the value comparisons (LT .. NIN), of GETX and
 * the B operand of the register compare-and-jumps may be negative: {@code -1-g}
 * then names global G[g], read (with the runtime API and builtin fallback)
 * when the instruction runs. The compiler uses this only where reading the
 * global late cannot change what the program sees.
 *
 * <p>Invariants the dispatch loop relies on: {@code pc} points at the first
 * word of the running instruction until it completes (so an error is reported
 * at the instruction that raised it); a frame below the top holds in its
 * {@code pc} the return address, the word after its call instruction.
 * Safe points (a read of the task's attention flag) are the backward jumps
 * ({@link #JMP}, the conditional jumps, {@link #FORNEXT}) and function entry.
 *
 * <p>The int constants {@code OP_*} are the opcodes of the dispatch switch;
 * they equal the ordinals (a unit test checks it).
 */
public enum Opcode {
    // ---------------------------------------------------------------- names
    /** {@code MOVE A B}: R[A] = R[B]. */
    MOVE("A B", "R[A] = R[B]"),
    /** {@code LOADK A B}: R[A] = K[B]. */
    LOADK("A K", "R[A] = K[K]"),
    /** {@code CHECK A}: a local read before assignment: error unless R[A] holds a value. */
    CHECK("A", "error 'unknown variable' unless R[A] is assigned"),
    /** {@code SETL A B}: store to a local. */
    SETL("A B", "R[A] = copy(R[B])"),
    /** {@code GETCELL A B}: read a captured local through its cell. */
    GETCELL("A B", "R[A] = R[B].cell (checked)"),
    /** {@code SETCELL A B}: store to a captured local. */
    SETCELL("A B", "R[A].cell = copy(R[B])"),
    /** {@code GETFREE A B}: read a variable of an enclosing function. */
    GETFREE("A U", "R[A] = U[U] (checked)"),
    /** {@code GETG A B}: a global; an unassigned one falls back to the builtins and the runtime API. */
    GETG("A G", "R[A] = G[G], else the builtin's or runtime API's (cached in G[G])"),
    /** {@code GETGC A B C}: a global about to be called with C arguments (C &lt; 0: no pre-check). */
    GETGC("A G N", "R[A] = G[G] as GETG ('unknown builtin'); arity of R[A] checked for N args"),
    /** {@code SETG A B}: store to a global. */
    SETG("A G", "G[G] = copy(R[A])"),
    /** {@code GETCG A G F}: in a method, the class attribute of that name, else the global. */
    GETCG("A G F", "R[A] = attribute G of the method's class, else as GETG (F=1: callee)"),
    /** {@code GETNS A B G F}: in a class body, the namespace being built, else the global. */
    GETNS("A B G F", "R[A] = namespace R[B] entry G, else as GETG (F=1: callee)"),
    /** {@code SETNS A B G}: store to the namespace of the class body being run. */
    SETNS("A B G", "namespace R[B] entry G = copy(R[A])"),

    // ---------------------------------------------------------------- arithmetic
    ADD("A B C", "R[A] = R[B] + R[C]"),
    SUB("A B C", "R[A] = R[B] - R[C]"),
    MUL("A B C", "R[A] = R[B] * R[C]"),
    DIV("A B C", "R[A] = R[B] / R[C] (true division)"),
    IDIV("A B C", "R[A] = R[B] // R[C]"),
    MOD("A B C", "R[A] = R[B] % R[C]"),
    POW("A B C", "R[A] = R[B] ** R[C]"),
    ADDI("A B I", "R[A] = R[B] + I"),
    SUBI("A B I", "R[A] = R[B] - I"),
    /** {@code IADD A B C D}: {@code name += v}: on two lists it extends in place and skips the store at D. */
    IADD("A B C J", "lists R[B], R[C]: extend R[B], pc = J; else R[A] = R[B] + R[C]"),

    // ---------------------------------------------------------------- comparison and logic
    LT("A B C", "R[A] = R[B] < R[C] (1 or 0)"),
    LE("A B C", "R[A] = R[B] <= R[C]"),
    GT("A B C", "R[A] = R[B] > R[C]"),
    GE("A B C", "R[A] = R[B] >= R[C]"),
    EQ("A B C", "R[A] = R[B] == R[C]"),
    NE("A B C", "R[A] = R[B] != R[C]"),
    IN("A B C", "R[A] = R[B] in R[C]"),
    NIN("A B C", "R[A] = R[B] not in R[C]"),
    NEG("A B", "R[A] = -R[B]"),
    POS("A B", "R[A] = +R[B]"),
    NOT("A B", "R[A] = not R[B] (True or False)"),

    // ---------------------------------------------------------------- jumps
    JMP("J", "pc = J"),
    JT("A J", "if R[A] is true: pc = J"),
    JF("A J", "if R[A] is false: pc = J"),
    JLT("A B S J", "if (R[A] < R[B]) == S: pc = J"),
    JLE("A B S J", "if (R[A] <= R[B]) == S: pc = J"),
    JGT("A B S J", "if (R[A] > R[B]) == S: pc = J"),
    JGE("A B S J", "if (R[A] >= R[B]) == S: pc = J"),
    JEQ("A B S J", "if (R[A] == R[B]) == S: pc = J"),
    JNE("A B S J", "if (R[A] != R[B]) == S: pc = J"),
    JLTI("A I S J", "if (R[A] < I) == S: pc = J"),
    JLEI("A I S J", "if (R[A] <= I) == S: pc = J"),
    JGTI("A I S J", "if (R[A] > I) == S: pc = J"),
    JGEI("A I S J", "if (R[A] >= I) == S: pc = J"),
    JEQI("A I S J", "if (R[A] == I) == S: pc = J"),
    JNEI("A I S J", "if (R[A] != I) == S: pc = J"),

    // ---------------------------------------------------------------- calls
    /** {@code CHKCALL A B}: the arity check a call makes before its arguments are evaluated. */
    CHKCALL("A N", "error if function R[A] cannot take N arguments"),
    CALL("A N", "R[A] = R[A](R[A+1] .. R[A+N])"),
    /** {@code LOOKUP A B C}: {@code obj.name(...)} before its arguments: no bound-method value is made. */
    LOOKUP("A K N", "receiver R[A+1]: R[A] = its member K[K] checked for N args; R[A+1] = self or NOSELF"),
    CALLM("A N", "R[A] = R[A]([R[A+1],] R[A+2] .. R[A+N+1]) (R[A+1] passed unless NOSELF)"),
    RET("A", "return R[A]"),
    RET0("", "return 0"),
    END("", "end of module code: return None"),

    // ---------------------------------------------------------------- containers and attributes
    NEWLIST("A B N", "R[A] = [copy(R[B]) .. copy(R[B+N-1])]"),
    NEWDICT("A", "R[A] = {}"),
    DICTSET("A B C", "R[A][R[B]] = copy(R[C]) (dict literal entry)"),
    GETX("A B C", "R[A] = R[B][R[C]]"),
    SETX("A B C", "R[A][R[B]] = copy(R[C])"),
    DELX("A B", "del R[A][R[B]]"),
    SLICE("A B C D", "R[A] = R[B][R[C]:R[D]] (C or D = -1: open bound)"),
    GETA("A B K", "R[A] = R[B].K[K]"),
    SETA("A K B", "R[A].K[K] = copy(R[B])"),

    // ---------------------------------------------------------------- definitions
    CLOSURE("A P", "R[A] = function P[P] with its captured cells"),
    NEWNS("A", "R[A] = empty class namespace"),
    CHKBASE("A", "error unless R[A] is a class"),
    CLASS("A B C K", "R[A] = class K[K] from namespace R[B], base R[C] (C = -1: none)"),
    IMPORT("A K F", "R[A] = module K[K] (F=1), or its outermost package (F=0)"),
    MODULE("A K", "R[A] = module K[K] (from-import)"),
    MEMBER("A B K", "R[A] = member K[K] of module R[B]"),

    // ---------------------------------------------------------------- statements
    PRINT("A", "print str(R[A])"),
    PRINTNL("", "print an empty line"),
    RAISE("A", "raise str(R[A])"),
    RERAISE("", "raise again the error being handled"),
    THROW("A", "raise error object R[A] again (end of a finally handler)"),
    CAUGHT("A B", "R[A] = 'line N: message' of error object R[B]"),

    // ---------------------------------------------------------------- loops
    FORRANGE("A N J", "R[A] is the builtin range: R[A] = counter over R[A+1..A+N], pc = J"),
    ITER("A", "R[A] = iterator over R[A] (list snapshot, string characters, dict keys)"),
    FORNEXT("A B J", "iterator R[A] has a next item: R[B] = copy(item), pc = J"),

    // ---------------------------------------------------------------- added in format 1, kept last so that numbers stay
    MULI("A B I", "R[A] = R[B] * I"),
    /** {@code INCG G I S}: {@code g = g + I} (S=0) or {@code g = g - I} (S=1) on a global, in one instruction. */
    INCG("G I S", "G[G] = G[G] + I (S=0) or G[G] - I (S=1)"),
    /** {@code CONCAT3 A B C D}: {@code x + y + z} built with a string: strings join in one copy. */
    CONCAT3("A B C D", "R[A] = R[B] + R[C] + R[D]: three strings in one concatenation, else two additions");

    // The dispatch switch needs compile-time constants; OpcodeTest checks OP_x == x.ordinal().
    public static final int OP_MOVE = 0;
    public static final int OP_LOADK = 1;
    public static final int OP_CHECK = 2;
    public static final int OP_SETL = 3;
    public static final int OP_GETCELL = 4;
    public static final int OP_SETCELL = 5;
    public static final int OP_GETFREE = 6;
    public static final int OP_GETG = 7;
    public static final int OP_GETGC = 8;
    public static final int OP_SETG = 9;
    public static final int OP_GETCG = 10;
    public static final int OP_GETNS = 11;
    public static final int OP_SETNS = 12;
    public static final int OP_ADD = 13;
    public static final int OP_SUB = 14;
    public static final int OP_MUL = 15;
    public static final int OP_DIV = 16;
    public static final int OP_IDIV = 17;
    public static final int OP_MOD = 18;
    public static final int OP_POW = 19;
    public static final int OP_ADDI = 20;
    public static final int OP_SUBI = 21;
    public static final int OP_IADD = 22;
    public static final int OP_LT = 23;
    public static final int OP_LE = 24;
    public static final int OP_GT = 25;
    public static final int OP_GE = 26;
    public static final int OP_EQ = 27;
    public static final int OP_NE = 28;
    public static final int OP_IN = 29;
    public static final int OP_NIN = 30;
    public static final int OP_NEG = 31;
    public static final int OP_POS = 32;
    public static final int OP_NOT = 33;
    public static final int OP_JMP = 34;
    public static final int OP_JT = 35;
    public static final int OP_JF = 36;
    public static final int OP_JLT = 37;
    public static final int OP_JLE = 38;
    public static final int OP_JGT = 39;
    public static final int OP_JGE = 40;
    public static final int OP_JEQ = 41;
    public static final int OP_JNE = 42;
    public static final int OP_JLTI = 43;
    public static final int OP_JLEI = 44;
    public static final int OP_JGTI = 45;
    public static final int OP_JGEI = 46;
    public static final int OP_JEQI = 47;
    public static final int OP_JNEI = 48;
    public static final int OP_CHKCALL = 49;
    public static final int OP_CALL = 50;
    public static final int OP_LOOKUP = 51;
    public static final int OP_CALLM = 52;
    public static final int OP_RET = 53;
    public static final int OP_RET0 = 54;
    public static final int OP_END = 55;
    public static final int OP_NEWLIST = 56;
    public static final int OP_NEWDICT = 57;
    public static final int OP_DICTSET = 58;
    public static final int OP_GETX = 59;
    public static final int OP_SETX = 60;
    public static final int OP_DELX = 61;
    public static final int OP_SLICE = 62;
    public static final int OP_GETA = 63;
    public static final int OP_SETA = 64;
    public static final int OP_CLOSURE = 65;
    public static final int OP_NEWNS = 66;
    public static final int OP_CHKBASE = 67;
    public static final int OP_CLASS = 68;
    public static final int OP_IMPORT = 69;
    public static final int OP_MODULE = 70;
    public static final int OP_MEMBER = 71;
    public static final int OP_PRINT = 72;
    public static final int OP_PRINTNL = 73;
    public static final int OP_RAISE = 74;
    public static final int OP_RERAISE = 75;
    public static final int OP_THROW = 76;
    public static final int OP_CAUGHT = 77;
    public static final int OP_FORRANGE = 78;
    public static final int OP_ITER = 79;
    public static final int OP_FORNEXT = 80;
    public static final int OP_MULI = 81;
    public static final int OP_INCG = 82;
    public static final int OP_CONCAT3 = 83;

    private static final Opcode[] ALL = values();

    /** The operands in order, as in the class comment ("A B C"); A lives in word 0. */
    public final String operands;
    /** The effect, one line. */
    public final String effect;
    /** The words the instruction takes: word 0 plus one per operand after A. */
    public final int words;
    /** True when the first operand is A (packed in word 0); jumps like JMP have none. */
    public final boolean hasA;
    /** The operand letters, split once (the verifier reads them for every instruction). */
    final String[] letters;

    Opcode(String operands, String effect) {
        this.operands = operands;
        this.effect = effect;
        String[] parts = operands.isEmpty() ? new String[0] : operands.split(" ");
        this.letters = parts;
        this.hasA = parts.length > 0 && parts[0].equals("A");
        this.words = 1 + (hasA ? parts.length - 1 : parts.length);
    }

    /** The opcode of instruction word {@code word}. */
    public static Opcode of(int word) {
        int op = word & 0xFF;
        return op < ALL.length ? ALL[op] : null;
    }

    /** The jump target of this instruction at {@code pc}, or -1 when it does not jump. */
    public int jumpTarget(int[] code, int pc) {
        return Operands.jumpTarget(this, code, pc);
    }

    /** How many opcodes there are. */
    public static int count() {
        return ALL.length;
    }
}
