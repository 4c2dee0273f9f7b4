package pebbleos.kernel.fs.dev;

import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import pebbleos.api.Errno;
import pebbleos.api.PebbleException;
import pebbleos.api.console.Console;
import pebbleos.api.fs.FileStat;
import pebbleos.api.process.OpenFile;
import pebbleos.api.process.TaskContext;

/**
 * {@code /dev}: the device nodes {@code null}, {@code stderr}, {@code stdin},
 * {@code stdout} and {@code tty}, visible in listings with kind {@code dev}.
 * Opening {@code /dev/stdin}, {@code /dev/stdout} or {@code /dev/stderr}
 * gives a new reference to the caller's descriptor 0, 1 or 2 (as Linux's
 * {@code /proc/self/fd} links do); {@code /dev/tty} opens the terminal of the
 * highest-ranked {@link Console} service; {@code /dev/null} discards.
 */
@Component(service = DevDirectory.class)
public final class DevDirectory {
    /** The nodes, sorted. */
    public static final List<String> NODES = List.of("null", "stderr", "stdin", "stdout", "tty");

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Console console;

    public DevDirectory() {
    }

    /** For tests: a directory with a fixed console (or none). */
    public DevDirectory(Console console) {
        this.console = console;
    }

    public boolean isNode(String name) {
        return NODES.contains(name);
    }

    /** The stat of {@code /dev} itself. */
    public FileStat directoryStat() {
        long now = System.currentTimeMillis();
        return new FileStat("dev", FileStat.DIRECTORY, NODES.size(), now, now);
    }

    /** The stat of a node; times are the current time, as in the original. */
    public FileStat stat(String name) {
        long now = System.currentTimeMillis();
        return new FileStat(name, FileStat.DEVICE, 0, now, now);
    }

    public List<FileStat> list() {
        List<FileStat> out = new ArrayList<>();
        for (String n : NODES) {
            out.add(stat(n));
        }
        return out;
    }

    /**
     * Open node {@code name} for {@code caller}.
     *
     * @param mode a bit set of {@link OpenFile#READ}, {@link OpenFile#WRITE}, {@link OpenFile#APPEND}
     * @param text the mode as the program wrote it, for messages
     */
    public OpenFile open(TaskContext caller, String name, int mode, String text) {
        boolean read = (mode & OpenFile.READ) != 0;
        boolean write = (mode & OpenFile.WRITE) != 0;
        switch (name) {
            case "null":
                return new OpenFile(new NullChannel(), mode);
            case "stdin":
                requireMode(!write, name, text);
                return standard(caller, 0, name);
            case "stdout":
            case "stderr":
                requireMode(!read, name, text);
                return standard(caller, name.equals("stdout") ? 1 : 2, name);
            case "tty":
                Console c = console;
                if (c == null) {
                    throw new PebbleException(Errno.NOTTY, "no console device in this image: /dev/tty");
                }
                return new OpenFile(c.channel(Console.TTY), mode);
            default:
                throw new PebbleException(Errno.NOENT, "no such file or directory: /dev/" + name);
        }
    }

    private static OpenFile standard(TaskContext caller, int fd, String name) {
        OpenFile file = caller.fds().find(fd);
        if (file == null) {
            throw new PebbleException(Errno.BADF, "descriptor " + fd + " is not open: /dev/" + name);
        }
        return file.retain();
    }

    private static void requireMode(boolean allowed, String name, String text) {
        if (!allowed) {
            throw new PebbleException(Errno.INVAL, "unsupported mode '" + text + "' for device: /dev/" + name);
        }
    }
}
