package pebbleos.api.process;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One process as engines and syscalls see it: identity, credentials, working
 * directory, environment, arguments and descriptors. Threads of a process
 * share all of it.
 */
@ProviderType
public interface ProcessView {
    int pid();

    int ppid();

    int pgid();

    int sid();

    /** The real user id. */
    int uid();

    /** The real group id. */
    int gid();

    /** The file mode bits a new file or directory does not get (022 by default). */
    int umask();

    /**
     * Who the process is: real and effective ids, supplementary groups. The
     * kernel checks every file operation against these.
     *
     * @since 1.1
     */
    default Credentials credentials() {
        return Credentials.of(uid(), gid());
    }

    /**
     * True for a process that runs with more privilege than its invoker gave
     * it (a set-user-id or set-group-id program), for its whole life: engines
     * then load modules only from {@code /system}, never from the working
     * directory its invoker chose.
     *
     * @since 1.1
     */
    default boolean secure() {
        return false;
    }

    /** The working directory, an absolute normalized path. */
    String cwd();

    /** Change the working directory; the caller has checked that it exists. */
    void setCwd(String absolutePath);

    /** The environment, live: changes are seen by children spawned later. */
    Map<String, String> env();

    /** The arguments; {@code argv().get(0)} is the program path as launched. */
    List<String> argv();

    /** The path of the program being run. */
    String path();

    /** The engine running the process ({@code interp}, {@code vm}). */
    String engine();

    /** The descriptor table. */
    FdTable fds();

    /**
     * A slot where the engine keeps its per-process state (module cache,
     * output buffer) so that threads of the process find it.
     */
    Object engineState();

    void setEngineState(Object state);
}
