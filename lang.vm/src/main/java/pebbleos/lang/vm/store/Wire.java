package pebbleos.lang.vm.store;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The primitive encodings shared by bytecode files and snapshots: big-endian
 * ints and longs, strings as a length and UTF-8 bytes (no 64 KB limit), int
 * arrays as a length and the ints. Reads are bounds-checked, so a corrupt
 * length becomes an error instead of a huge allocation.
 */
final class Wire {
    private Wire() {
    }

    /** A growable output. */
    static final class Out {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        final DataOutputStream data = new DataOutputStream(bytes);

        void u8(int v) {
            try {
                data.writeByte(v);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void i32(int v) {
            try {
                data.writeInt(v);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void i64(long v) {
            try {
                data.writeLong(v);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void str(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            i32(b.length);
            try {
                data.write(b);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void bytes(byte[] b) {
            try {
                data.write(b);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void ints(int[] a) {
            i32(a.length);
            for (int v : a) {
                i32(v);
            }
        }

        void strs(String[] a) {
            i32(a.length);
            for (String s : a) {
                str(s);
            }
        }

        byte[] toByteArray() {
            return bytes.toByteArray();
        }
    }

    /** A checked input over a byte array. */
    static final class In {
        private final DataInputStream data;
        private int remaining;

        In(byte[] bytes, int offset) {
            this.data = new DataInputStream(new java.io.ByteArrayInputStream(bytes, offset, bytes.length - offset));
            this.remaining = bytes.length - offset;
        }

        private void need(long n) throws IOException {
            if (n < 0 || n > remaining) {
                throw new EOFException("truncated data");
            }
            remaining -= (int) n;
        }

        int u8() throws IOException {
            need(1);
            return data.readUnsignedByte();
        }

        int i32() throws IOException {
            need(4);
            return data.readInt();
        }

        long i64() throws IOException {
            need(8);
            return data.readLong();
        }

        /** A count that must fit in what is left (each item taking at least {@code unit} bytes). */
        int count(int unit) throws IOException {
            int n = i32();
            if (n < 0 || (long) n * unit > remaining) {
                throw new EOFException("bad length " + n);
            }
            return n;
        }

        String str() throws IOException {
            int n = count(1);
            byte[] b = new byte[n];
            need(n);
            data.readFully(b);
            return new String(b, StandardCharsets.UTF_8);
        }

        byte[] bytes(int n) throws IOException {
            byte[] b = new byte[n];
            need(n);
            data.readFully(b);
            return b;
        }

        int[] ints() throws IOException {
            int n = count(4);
            int[] a = new int[n];
            for (int i = 0; i < n; i++) {
                a[i] = i32();
            }
            return a;
        }

        String[] strs() throws IOException {
            int n = count(4);
            String[] a = new String[n];
            for (int i = 0; i < n; i++) {
                a[i] = str();
            }
            return a;
        }

        boolean atEnd() {
            return remaining == 0;
        }
    }
}
