package pebbleos.kernel.text;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Component;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.process.TaskContext;
import pebbleos.api.syscall.Args;
import pebbleos.api.syscall.Dispatch;
import pebbleos.api.syscall.ProvidesFamily;
import pebbleos.api.syscall.Syscall;
import pebbleos.api.syscall.SyscallFamily;
import pebbleos.api.value.PList;

/**
 * The {@code digest} family: message digests (MD5, SHA-1, SHA-2) from the
 * JDK's providers, and POSIX cksum's CRC ({@link PosixCrc}), over bytes. {@code md5sum} and {@code sha256sum} are
 * Pebble; they read files as bytes ({@code fd_read_bytes}) and feed them
 * here a chunk at a time through a digest value, so a file of any size
 * needs no more memory than a chunk.
 */
@ProvidesFamily("digest")
@Component(service = SyscallFamily.class, property = SyscallFamily.FAMILY + "=digest")
public final class DigestFamily implements SyscallFamily, Dispatch.Table {
    static final List<String> ALGORITHMS = List.of("md5", "sha1", "sha224", "sha256", "sha384", "sha512", "crc");

    // the syscalls by number, answered by call(): one class, not one spun per lambda (Dispatch)
    private static final int NEW = 0;
    private static final int UPDATE = 1;
    private static final int HEX = 2;
    private static final int ALGORITHM_NAMES = 3;

    @Override
    public String name() {
        return "digest";
    }

    @Override
    public List<Syscall> syscalls() {
        return List.of(
                new Syscall("digest_new", "algorithm",
                        "a running digest: md5, sha1, sha224, sha256, sha384, sha512, or crc (POSIX cksum's CRC)", new Dispatch(this, NEW)),
                new Syscall("digest_update", "digest, bytes",
                        "feed a string of characters 0-255 (one byte each, as fd_read_bytes gives) to a running digest",
                        new Dispatch(this, UPDATE)),
                new Syscall("digest_hex", "digest",
                        "the digest of everything fed so far, in lower-case hexadecimal; the digest starts again",
                        new Dispatch(this, HEX)),
                new Syscall("digest_algorithms", "", "the algorithms digest_new knows",
                        new Dispatch(this, ALGORITHM_NAMES)));
    }

    @Override
    public Object call(int id, TaskContext c, Object[] a) {
        return switch (id) {
            case NEW -> create(c, a);
            case UPDATE -> update(c, a);
            case HEX -> HexFormat.of().formatHex(running("digest_hex", Args.of("digest_hex", a, 1, 1)).digest());
            case ALGORITHM_NAMES -> PList.from(ALGORITHMS);
            default -> throw new IllegalArgumentException("digest: no syscall " + id);
        };
    }

    private static Object create(TaskContext caller, Object[] values) {
        String name = Args.of("digest_new", values, 1, 1).string(0).toLowerCase(Locale.ROOT);
        if (!ALGORITHMS.contains(name)) {
            throw new PebbleException(Errno.INVAL, "digest_new: unknown algorithm '" + name + "'");
        }
        if (name.equals("crc")) {
            return new RunningDigest(name, new PosixCrc());
        }
        String jdk = name.equals("md5") ? "MD5" : "SHA-" + name.substring(3);
        try {
            return new RunningDigest(name, MessageDigest.getInstance(jdk));
        } catch (NoSuchAlgorithmException e) {
            throw new PebbleException(Errno.NOSYS, "digest_new: the JDK has no " + jdk);
        }
    }

    private static MessageDigest running(String name, Args args) {
        if (args.value(0) instanceof RunningDigest d) {
            return d.digest();
        }
        throw new PebbleException(Errno.INVAL, name + ": argument 1 must be a digest from digest_new");
    }

    private static Object update(TaskContext caller, Object[] values) {
        Args args = Args.of("digest_update", values, 2, 2);
        MessageDigest d = running("digest_update", args);
        String data = args.string(1);
        byte[] bytes = new byte[data.length()];
        for (int i = 0; i < bytes.length; i++) {
            char ch = data.charAt(i);
            if (ch > 0xFF) {
                throw new PebbleException(Errno.INVAL, "digest_update: character " + i + " is not a byte (0-255)");
            }
            bytes[i] = (byte) ch;
        }
        d.update(bytes);
        return (long) bytes.length;
    }

    /** A digest in progress, as a Pebble value. */
    static final class RunningDigest implements pebbleos.api.value.Printable {
        private final String algorithm;
        private final MessageDigest digest;

        RunningDigest(String algorithm, MessageDigest digest) {
            this.algorithm = algorithm;
            this.digest = digest;
        }

        MessageDigest digest() {
            return digest;
        }

        @Override
        public String str() {
            return "<digest " + algorithm + ">";
        }

        @Override
        public String typeName() {
            return "digest";
        }
    }
}
