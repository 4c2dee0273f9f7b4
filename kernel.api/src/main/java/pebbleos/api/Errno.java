package pebbleos.api;

/**
 * The errno table of the Pebble ABI, with Linux numbers. Pebble code sees the
 * symbolic names (without the usual leading E) through {@code system/kernel/syscall.peb}.
 */
public enum Errno {
    /** getaddrinfo's EAI_NONAME: no address for a host name (not a Linux errno, hence negative). */
    NONAME(-2, "name or service not known"),
    OK(0, "success"),
    PERM(1, "operation not permitted"),
    NOENT(2, "no such file or directory"),
    SRCH(3, "no such process"),
    INTR(4, "interrupted"),
    IO(5, "input/output error"),
    NOEXEC(8, "exec format error"),
    BADF(9, "bad file descriptor"),
    CHILD(10, "no child processes"),
    AGAIN(11, "resource temporarily unavailable"),
    NOMEM(12, "out of memory"),
    ACCES(13, "permission denied"),
    BUSY(16, "device or resource busy"),
    EXIST(17, "file exists"),
    XDEV(18, "cross-device link"),
    NOTDIR(20, "not a directory"),
    ISDIR(21, "is a directory"),
    INVAL(22, "invalid argument"),
    MFILE(24, "too many open files"),
    NOTTY(25, "not a terminal"),
    FBIG(27, "file too large"),
    NOSPC(28, "no space left on device"),
    SPIPE(29, "illegal seek"),
    ROFS(30, "read-only file system"),
    PIPE(32, "broken pipe"),
    RANGE(34, "result out of range"),
    DEADLK(35, "resource deadlock avoided"),
    NAMETOOLONG(36, "file name too long"),
    NOSYS(38, "function not implemented"),
    NOTEMPTY(39, "directory not empty"),
    /** EOPNOTSUPP: the storage cannot do this (links on a volume that stores none). */
    NOTSUP(95, "operation not supported"),
    PROTO(71, "protocol error"),
    NOTSOCK(88, "socket operation on non-socket"),
    DESTADDRREQ(89, "destination address required"),
    MSGSIZE(90, "message too long"),
    ADDRINUSE(98, "address already in use"),
    ADDRNOTAVAIL(99, "cannot assign requested address"),
    NETUNREACH(101, "network is unreachable"),
    CONNABORTED(103, "software caused connection abort"),
    CONNRESET(104, "connection reset by peer"),
    NOTCONN(107, "transport endpoint is not connected"),
    TIMEDOUT(110, "timed out"),
    CONNREFUSED(111, "connection refused"),
    HOSTUNREACH(113, "no route to host");

    private final int code;
    private final String description;

    Errno(int code, String description) {
        this.code = code;
        this.description = description;
    }

    public int code() {
        return code;
    }

    /** The strerror-style text, e.g. "no such file or directory". */
    public String description() {
        return description;
    }

    /** The errno with this number, or {@code null}. */
    public static Errno ofCode(int code) {
        for (Errno e : values()) {
            if (e.code == code) {
                return e;
            }
        }
        return null;
    }
}
