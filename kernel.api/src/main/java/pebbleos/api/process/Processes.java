package pebbleos.api.process;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.osgi.annotation.versioning.ProviderType;

import pebbleos.api.engine.Task;

/**
 * The process table as other kernel bundles use it: the bootloader spawns the
 * first process and waits for it, the thread family starts threads, the
 * console routes job-control keys to the foreground process group.
 */
@ProviderType
public interface Processes {
    /**
     * Start a process running {@code path} with {@code engine}.
     *
     * @param parent   the spawning thread, or {@code null} for the first process
     * @param fds      the descriptors the child starts with (child fd to open file; each gains a reference)
     * @param env      the environment, or {@code null} to copy the parent's
     * @param cwd      the working directory, or {@code null} for the parent's ({@code /} without a parent)
     * @param pgid     0 for a new process group led by the child, -1 for the parent's group, else that group
     * @param source   program text to run instead of reading {@code path}, or {@code null}
     * @return the pid
     */
    int spawn(TaskContext parent, String engine, String path, List<String> argv, Map<Integer, OpenFile> fds,
            Map<String, String> env, String cwd, int pgid, String source);

    /** Wait until process {@code pid} ends and reap it; returns its exit status. */
    int waitFor(TaskContext caller, int pid);

    /** Send signal {@code signal} to process {@code pid}. */
    void signal(int pid, int signal);

    /** Send signal {@code signal} to every process of group {@code pgid}. */
    void signalGroup(int pgid, int signal);

    /** The process group that owns the terminal (0 when none). */
    int foregroundGroup();

    void setForegroundGroup(int pgid);

    /**
     * Start a thread in the caller's process. {@code body} makes the task from
     * the engine running the process and the new thread's context; with
     * {@code captureOutput} the thread's {@code print}s are kept as its outputs
     * instead of written to fd 1.
     */
    ThreadHandle startThread(TaskContext caller, String name,
            BiFunction<pebbleos.api.engine.ExecutionEngine, TaskContext, Task> body, boolean captureOutput);

    /** Remove an ended thread from the table (after it was joined). */
    void forgetThread(int tid);

    /** A thread by id, or {@code null}. */
    ThreadHandle thread(int tid);

    /** The threads of process {@code pid} (all processes' threads when {@code pid} is 0). */
    List<ThreadHandle> threads(int pid);

    /** Names of the engines available now ({@code interp}, {@code vm}); a retired engine is left out. */
    List<String> engines();

    /**
     * The pids of the live processes with a thread running on engine
     * {@code engine}, sorted: the programs that stopping the engine's only
     * bundle would leave on a stopped bundle.
     */
    default List<Integer> runningOn(String engine) {
        return List.of();
    }

    /**
     * Take engine {@code engine} out of service for new programs, or put it
     * back: while retired, {@link #engines()} leaves it out (so the shell
     * launches with another) and spawning on it fails with NOSYS; the programs
     * it runs go on to their end. A new provider of the engine puts it back.
     */
    default void retireEngine(String engine, boolean retired) {
    }
}
