package pebbleos.kernel.service;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import pebbleos.api.process.Channel;
import pebbleos.api.process.TaskContext;

/**
 * Files of the Pebble filesystem read and written on behalf of a caller,
 * through its own descriptors and the {@code fs} family, so every check the
 * filesystem makes of that caller applies. Binary-safe (jars).
 */
public final class PebbleFiles {
    private PebbleFiles() {
    }

    public static byte[] read(TaskContext caller, String path) {
        int fd = ((Long) caller.syscall("fd_open", path, "r")).intValue();
        try {
            Channel channel = caller.fds().get(fd).channel();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = channel.read(buffer, 0, buffer.length)) >= 0) {
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } finally {
            caller.syscall("fd_close", (long) fd);
        }
    }

    public static void write(TaskContext caller, String path, byte[] bytes) {
        int fd = ((Long) caller.syscall("fd_open", path, "w")).intValue();
        try {
            caller.fds().get(fd).channel().write(bytes, 0, bytes.length);
        } finally {
            caller.syscall("fd_close", (long) fd);
        }
    }

    /** The names in a directory, sorted. */
    public static List<String> list(TaskContext caller, String dir) {
        List<String> out = new ArrayList<>();
        for (Object name : (Iterable<?>) caller.syscall("fs_list", dir)) {
            out.add(String.valueOf(name));
        }
        return out;
    }

    public static boolean exists(TaskContext caller, String path) {
        return ((Long) caller.syscall("fs_exists", path)) != 0;
    }

    /** The absolute, normalized form of a path (relative to the caller's directory). */
    public static String absolute(TaskContext caller, String path) {
        return String.valueOf(caller.syscall("fs_realpath", path));
    }
}
