package pebbleos.lang.vm.store;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.zip.CRC32;

import pebbleos.api.value.PNone;
import pebbleos.lang.core.runtime.PebbleError;
import pebbleos.lang.vm.code.Disassembler;
import pebbleos.lang.vm.code.Proto;
import pebbleos.lang.vm.code.Unit;

/**
 * The bytecode file format (see docs/bytecode.md). Pebble files are text in
 * every filesystem mode, so a bytecode file is text too: the magic line
 * {@code #pebble-bytecode 1}, then the binary payload in base64 lines. The
 * payload starts with its own magic, the format version and a CRC-32 of the
 * body, so that a truncated, edited or foreign file is refused with a clear
 * message before anything runs; a payload that decodes is also verified
 * instruction by instruction.
 */
public final class BytecodeFile {
    /** What a bytecode file starts with. */
    public static final String MAGIC_LINE = "#pebble-bytecode";
    /** The payload's magic number: "PBBC". */
    static final int MAGIC = 0x50424243;
    /** The payload format this build writes; it reads this one and every older one it lists. */
    public static final int VERSION = 1;

    private BytecodeFile() {
    }

    /** True when {@code text} is (or claims to be) a bytecode file. */
    public static boolean isBytecode(String text) {
        return text.startsWith(MAGIC_LINE);
    }

    /** The whole file, as the ASCII bytes of its text. */
    public static byte[] encode(Unit unit) {
        String body = Base64.getMimeEncoder(76, new byte[] {'\n'}).encodeToString(payload(unit));
        return (MAGIC_LINE + " " + VERSION + "\n" + body + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** Read a bytecode file's text; a damaged or foreign file raises a PebbleError saying so. */
    public static Unit decode(String text) {
        int nl = text.indexOf('\n');
        String header = nl < 0 ? text : text.substring(0, nl);
        String version = header.substring(MAGIC_LINE.length()).trim();
        if (!version.equals(String.valueOf(VERSION))) {
            throw new PebbleError("bytecode file version '" + version + "' is not supported by this engine (it reads "
                    + VERSION + ")");
        }
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(nl < 0 ? "" : text.substring(nl + 1).trim());
        } catch (IllegalArgumentException e) {
            throw corrupt("its body is not base64");
        }
        return fromPayload(bytes);
    }

    // ------------------------------------------------------------------ payload

    /** The binary form: magic, version, CRC-32 of the body, body. */
    static byte[] payload(Unit unit) {
        Wire.Out body = new Wire.Out();
        writeUnit(body, unit);
        byte[] b = body.toByteArray();
        CRC32 crc = new CRC32();
        crc.update(b);
        Wire.Out out = new Wire.Out();
        out.i32(MAGIC);
        out.i32(VERSION);
        out.i32((int) crc.getValue());
        try {
            out.data.write(b);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static Unit fromPayload(byte[] bytes) {
        if (bytes.length < 12) {
            throw corrupt("it is truncated");
        }
        try {
            Wire.In in = new Wire.In(bytes, 0);
            if (in.i32() != MAGIC) {
                throw corrupt("its payload has the wrong magic number");
            }
            int version = in.i32();
            if (version != VERSION) {
                throw new PebbleError("bytecode version " + version + " is not supported by this engine (it reads "
                        + VERSION + ")");
            }
            int expected = in.i32();
            CRC32 crc = new CRC32();
            crc.update(bytes, 12, bytes.length - 12);
            if ((int) crc.getValue() != expected) {
                throw corrupt("its checksum does not match");
            }
            Wire.In body = new Wire.In(bytes, 12);
            Unit unit = readUnit(body);
            if (!body.atEnd()) {
                throw corrupt("it has trailing data");
            }
            String bad = Disassembler.verify(unit);
            if (bad != null) {
                throw corrupt(bad);
            }
            return unit;
        } catch (IOException | RuntimeException e) {
            if (e instanceof PebbleError pe) {
                throw pe;
            }
            throw corrupt(e.getMessage());
        }
    }

    private static PebbleError corrupt(String why) {
        return new PebbleError("not a valid Pebble bytecode file: " + why);
    }

    static void writeUnit(Wire.Out out, Unit unit) {
        out.str(unit.file);
        out.str(unit.sourceHash);
        out.strs(unit.globalNames);
        out.i32(unit.constants.length);
        for (Object c : unit.constants) {
            writeConstant(out, c);
        }
        out.i32(unit.protos.length);
        for (Proto p : unit.protos) {
            out.str(p.name);
            out.i32(p.arity);
            out.i32(p.locals);
            out.i32(p.registers);
            out.i32(p.firstLine);
            out.u8(p.isModule ? 1 : 0);
            out.ints(p.cellSlots);
            out.ints(p.freeSources);
            out.strs(p.localNames);
            out.strs(p.freeNames);
            out.ints(p.code);
            out.ints(p.lines);
            out.ints(p.handlers);
            out.ints(p.handling);
        }
    }

    static Unit readUnit(Wire.In in) throws IOException {
        String file = in.str();
        String hash = in.str();
        String[] globals = in.strs();
        int nc = in.count(1);
        Object[] constants = new Object[nc];
        for (int i = 0; i < nc; i++) {
            constants[i] = readConstant(in);
        }
        int np = in.count(1);
        if (np == 0) {
            throw new IOException("no code");
        }
        Proto[] protos = new Proto[np];
        for (int i = 0; i < np; i++) {
            String name = in.str();
            int arity = in.i32();
            int locals = in.i32();
            int registers = in.i32();
            int firstLine = in.i32();
            boolean isModule = in.u8() != 0;
            int[] cells = in.ints();
            int[] free = in.ints();
            String[] localNames = in.strs();
            String[] freeNames = in.strs();
            int[] code = in.ints();
            int[] lines = in.ints();
            int[] handlers = in.ints();
            int[] handling = in.ints();
            checkLayout(name, arity, locals, registers, cells, free, localNames, freeNames, lines, handlers, handling);
            protos[i] = new Proto(name, arity, locals, registers, cells, free, localNames, freeNames, code, lines,
                    handlers, handling, firstLine, isModule);
        }
        return new Unit(file, List.of(globals), constants, protos, hash);
    }

    private static void checkLayout(String name, int arity, int locals, int registers, int[] cells, int[] free,
            String[] localNames, String[] freeNames, int[] lines, int[] handlers, int[] handling)
            throws IOException {
        boolean ok = arity >= 0 && arity <= locals && locals <= registers && registers <= 0xFFFFFF
                && localNames.length == locals && freeNames.length == free.length && lines.length % 2 == 0
                && handlers.length % 4 == 0 && handling.length % 3 == 0;
        for (int c : cells) {
            ok &= c >= 0 && c < locals;
        }
        for (int i = 2; i < handling.length; i += 3) {
            ok &= handling[i] >= 0 && handling[i] < registers;
        }
        if (!ok) {
            throw new IOException("bad frame layout of " + name);
        }
    }

    private static void writeConstant(Wire.Out out, Object c) {
        if (c instanceof Long l) {
            out.u8('L');
            out.i64(l);
        } else if (c instanceof Double d) {
            out.u8('D');
            out.i64(Double.doubleToRawLongBits(d));
        } else if (c instanceof String s) {
            out.u8('S');
            out.str(s);
        } else if (c instanceof BigInteger b) {
            out.u8('I');
            out.str(b.toString(16));
        } else if (c instanceof Boolean b) {
            out.u8(b ? 'T' : 'F');
        } else if (c == PNone.NONE) {
            out.u8('N');
        } else {
            throw new IllegalArgumentException("constant of type " + c.getClass().getName());
        }
    }

    private static Object readConstant(Wire.In in) throws IOException {
        int tag = in.u8();
        return switch (tag) {
            case 'L' -> in.i64();
            case 'D' -> Double.longBitsToDouble(in.i64());
            case 'S' -> in.str();
            case 'I' -> new BigInteger(in.str(), 16);
            case 'T' -> Boolean.TRUE;
            case 'F' -> Boolean.FALSE;
            case 'N' -> PNone.NONE;
            default -> throw new IOException("unknown constant tag " + tag);
        };
    }
}
