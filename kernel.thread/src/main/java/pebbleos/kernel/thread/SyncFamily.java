package pebbleos.kernel.thread;

import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

import org.osgi.service.component.annotations.Component;

import pebbleos.api.process.ProcessView;
import pebbleos.api.process.TaskContext;
import pebbleos.api.syscall.Args;
import pebbleos.api.syscall.ProvidesFamily;
import pebbleos.api.syscall.Syscall;
import pebbleos.api.syscall.SyscallFamily;
import pebbleos.api.value.PDict;
import pebbleos.api.value.PList;
import pebbleos.api.value.PNone;

/**
 * The {@code sync} family: mutexes (recursive, handed to the first waiter),
 * condition variables and channels for the threads of one process, with
 * timed waits. Each process has its own objects, numbered from 1; they go
 * away with the process.
 */
@ProvidesFamily("sync")
@Component(service = SyscallFamily.class, property = SyscallFamily.FAMILY + "=sync")
public final class SyncFamily implements SyscallFamily {
    private final Map<ProcessView, ProcessSync> byProcess = new WeakHashMap<>();

    @Override
    public String name() {
        return "sync";
    }

    private ProcessSync sync(TaskContext caller) {
        synchronized (byProcess) {
            return byProcess.computeIfAbsent(caller.process(), p -> new ProcessSync());
        }
    }

    @Override
    public List<Syscall> syscalls() {
        return List.of(
                new Syscall("mutex_create", "", "a new mutex; its id", (c, a) -> {
                    Args.of("mutex_create", a, 0, 0);
                    return (long) sync(c).createMutex();
                }),
                new Syscall("mutex_lock", "id", "lock, waiting while another thread holds it (recursive); 0",
                        (c, a) -> {
                            sync(c).lock(c, Args.of("mutex_lock", a, 1, 1).intValue(0), -1);
                            return 0L;
                        }),
                new Syscall("mutex_timed_lock", "id, timeout_ms", "lock within the timeout: 1, or 0 when it passed",
                        (c, a) -> {
                            Args args = Args.of("mutex_timed_lock", a, 2, 2);
                            return bool(sync(c).lock(c, args.intValue(0), Math.max(0, args.integer(1))));
                        }),
                new Syscall("mutex_try_lock", "id", "lock if free (or already the caller's): 1, else 0 at once",
                        (c, a) -> bool(sync(c).lock(c, Args.of("mutex_try_lock", a, 1, 1).intValue(0), 0))),
                new Syscall("mutex_unlock", "id", "unlock; the first waiter becomes the owner; 0", (c, a) -> {
                    sync(c).unlock(Args.of("mutex_unlock", a, 1, 1).intValue(0), c.tid());
                    return 0L;
                }),
                new Syscall("mutex_list", "", "the mutexes: id, owner_tid (None when free), count, waiters",
                        (c, a) -> mutexes(sync(c))),
                new Syscall("cond_create", "", "a new condition variable; its id",
                        (c, a) -> (long) sync(c).createCond()),
                new Syscall("cond_wait", "cond, mutex [, timeout_ms]",
                        "release the mutex, wait for a signal, take the mutex again: 1, or 0 on timeout", (c, a) -> {
                            Args args = Args.of("cond_wait", a, 2, 3);
                            return bool(sync(c).await(c, args.intValue(0), args.intValue(1), args.integer(2, -1)));
                        }),
                new Syscall("cond_signal", "cond", "wake one waiter; how many woke",
                        (c, a) -> (long) sync(c).signal(Args.of("cond_signal", a, 1, 1).intValue(0), false)),
                new Syscall("cond_broadcast", "cond", "wake every waiter; how many woke",
                        (c, a) -> (long) sync(c).signal(Args.of("cond_broadcast", a, 1, 1).intValue(0), true)),
                new Syscall("chan_create", "[capacity]", "a new channel holding up to capacity values (default 16)",
                        (c, a) -> (long) sync(c).createChannel(Args.of("chan_create", a, 0, 1).intValue(0, 16))),
                new Syscall("chan_send", "chan, value [, timeout_ms]",
                        "send a copy of value, waiting while the channel is full: 1, or 0 on timeout", (c, a) -> {
                            Args args = Args.of("chan_send", a, 2, 3);
                            return bool(sync(c).send(c, args.intValue(0), args.value(1), args.integer(2, -1)));
                        }),
                new Syscall("chan_recv", "chan [, timeout_ms]",
                        "the next value, waiting while empty; None when closed and empty, or on timeout", (c, a) -> {
                            Args args = Args.of("chan_recv", a, 1, 2);
                            Object v = sync(c).receive(c, args.intValue(0), args.integer(1, -1));
                            return v == ProcessSync.NOTHING ? PNone.NONE : v;
                        }),
                new Syscall("chan_close", "chan", "close: senders fail, receivers drain then get None", (c, a) -> {
                    sync(c).close(Args.of("chan_close", a, 1, 1).intValue(0));
                    return 0L;
                }));
    }

    private static Long bool(Object b) {
        return Boolean.TRUE.equals(b) ? 1L : 0L;
    }

    private static PList mutexes(ProcessSync s) {
        PList out = new PList();
        synchronized (s) {
            for (ProcessSync.Mutex m : s.mutexes.values()) {
                PList waiters = new PList();
                for (Integer w : m.waiters) {
                    waiters.append((long) w);
                }
                out.append(PDict.of("id", (long) m.id, "owner_tid", m.owner == 0 ? PNone.NONE : (Object) (long) m.owner,
                        "count", (long) m.count, "waiters", waiters));
            }
        }
        return out;
    }
}
