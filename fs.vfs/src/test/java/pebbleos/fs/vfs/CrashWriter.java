package pebbleos.fs.vfs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import pebbleos.api.fs.MountRequest;
import pebbleos.api.fs.Volume;

/**
 * The child process of {@link VfsCrashTest}: mounts {@code vfs-persistent}
 * on the directory in {@code args[0]} and writes files in a loop from number
 * {@code args[1]} on, printing each file's name once its write has returned.
 * It never stops by itself; the test kills it with SIGKILL.
 */
public final class CrashWriter {
    private CrashWriter() {
    }

    /** The content of file number {@code i}: varied sizes, some across chunk boundaries. */
    static byte[] content(int i) {
        int size = i % 10 == 0 ? 70_000 + i : 10 + i % 300;
        byte[] b = new byte[size];
        for (int k = 0; k < size; k++) {
            b[k] = (byte) (i * 7 + k);
        }
        return b;
    }

    public static void main(String[] args) {
        Volume v = new VfsFileSystem(new VfsStores()).mount(new MountRequest("vfs-persistent", Path.of(args[0]), null));
        if (v.find("/crash") == null) {
            v.mkdir("/crash");
        }
        for (int i = Integer.parseInt(args[1]);; i++) {
            String name = "/crash/f" + i;
            v.write(name, content(i), false);
            v.write("/crash/log", ("wrote " + i + "\n").getBytes(StandardCharsets.UTF_8), true);
            System.out.println(name);
            System.out.flush();
        }
    }
}
