package pebbleos.kernel.thread;

import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

import org.osgi.service.component.annotations.Component;

import pebbleos.api.process.ProcessView;
import pebbleos.api.process.TaskContext;
import pebbleos.api.syscall.Args;
import pebbleos.api.syscall.Dispatch;
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
public final class SyncFamily implements SyscallFamily, Dispatch.Table {
    // the syscalls by number, answered by call(): one class, not one spun per lambda (Dispatch)
    private static final int MUTEX_CREATE = 0;
    private static final int MUTEX_LOCK = 1;
    private static final int MUTEX_TIMED_LOCK = 2;
    private static final int MUTEX_TRY_LOCK = 3;
    private static final int MUTEX_UNLOCK = 4;
    private static final int MUTEX_LIST = 5;
    private static final int COND_CREATE = 6;
    private static final int COND_WAIT = 7;
    private static final int COND_SIGNAL = 8;
    private static final int COND_BROADCAST = 9;
    private static final int CHAN_CREATE = 10;
    private static final int CHAN_SEND = 11;
    private static final int CHAN_RECV = 12;
    private static final int CHAN_CLOSE = 13;
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
                new Syscall("mutex_create", "", "a new mutex; its id", new Dispatch(this, MUTEX_CREATE)),
                new Syscall("mutex_lock", "id", "lock, waiting while another thread holds it (recursive); 0",
                        new Dispatch(this, MUTEX_LOCK)),
                new Syscall("mutex_timed_lock", "id, timeout_ms", "lock within the timeout: 1, or 0 when it passed",
                        new Dispatch(this, MUTEX_TIMED_LOCK)),
                new Syscall("mutex_try_lock", "id", "lock if free (or already the caller's): 1, else 0 at once",
                        new Dispatch(this, MUTEX_TRY_LOCK)),
                new Syscall("mutex_unlock", "id", "unlock; the first waiter becomes the owner; 0",
                        new Dispatch(this, MUTEX_UNLOCK)),
                new Syscall("mutex_list", "", "the mutexes: id, owner_tid (None when free), count, waiters",
                        new Dispatch(this, MUTEX_LIST)),
                new Syscall("cond_create", "", "a new condition variable; its id",
                        new Dispatch(this, COND_CREATE)),
                new Syscall("cond_wait", "cond, mutex [, timeout_ms]",
                        "release the mutex, wait for a signal, take the mutex again: 1, or 0 on timeout",
                        new Dispatch(this, COND_WAIT)),
                new Syscall("cond_signal", "cond", "wake one waiter; how many woke",
                        new Dispatch(this, COND_SIGNAL)),
                new Syscall("cond_broadcast", "cond", "wake every waiter; how many woke",
                        new Dispatch(this, COND_BROADCAST)),
                new Syscall("chan_create", "[capacity]", "a new channel holding up to capacity values (default 16)",
                        new Dispatch(this, CHAN_CREATE)),
                new Syscall("chan_send", "chan, value [, timeout_ms]",
                        "send a copy of value, waiting while the channel is full: 1, or 0 on timeout",
                        new Dispatch(this, CHAN_SEND)),
                new Syscall("chan_recv", "chan [, timeout_ms]",
                        "the next value, waiting while empty; None when closed and empty, or on timeout",
                        new Dispatch(this, CHAN_RECV)),
                new Syscall("chan_close", "chan", "close: senders fail, receivers drain then get None",
                        new Dispatch(this, CHAN_CLOSE)));
    }

    @Override
    public Object call(int id, TaskContext c, Object[] a) {
        return switch (id) {
            case MUTEX_CREATE -> mutexCreate(c, a);
            case MUTEX_LOCK -> mutexLock(c, a);
            case MUTEX_TIMED_LOCK -> mutexTimedLock(c, a);
            case MUTEX_TRY_LOCK -> bool(sync(c).lock(c, Args.of("mutex_try_lock", a, 1, 1).intValue(0), 0));
            case MUTEX_UNLOCK -> mutexUnlock(c, a);
            case MUTEX_LIST -> mutexes(sync(c));
            case COND_CREATE -> (long) sync(c).createCond();
            case COND_WAIT -> condWait(c, a);
            case COND_SIGNAL -> (long) sync(c).signal(Args.of("cond_signal", a, 1, 1).intValue(0), false);
            case COND_BROADCAST -> (long) sync(c).signal(Args.of("cond_broadcast", a, 1, 1).intValue(0), true);
            case CHAN_CREATE -> (long) sync(c).createChannel(Args.of("chan_create", a, 0, 1).intValue(0, 16));
            case CHAN_SEND -> chanSend(c, a);
            case CHAN_RECV -> chanRecv(c, a);
            case CHAN_CLOSE -> chanClose(c, a);
            default -> throw new IllegalArgumentException("sync: no syscall " + id);
        };
    }

    private Object mutexCreate(TaskContext c, Object[] a) {
        Args.of("mutex_create", a, 0, 0);
        return (long) sync(c).createMutex();
    }

    private Object mutexLock(TaskContext c, Object[] a) {
        sync(c).lock(c, Args.of("mutex_lock", a, 1, 1).intValue(0), -1);
        return 0L;
    }

    private Object mutexTimedLock(TaskContext c, Object[] a) {
        Args args = Args.of("mutex_timed_lock", a, 2, 2);
        return bool(sync(c).lock(c, args.intValue(0), Math.max(0, args.integer(1))));
    }

    private Object mutexUnlock(TaskContext c, Object[] a) {
        sync(c).unlock(Args.of("mutex_unlock", a, 1, 1).intValue(0), c.tid());
        return 0L;
    }

    private Object condWait(TaskContext c, Object[] a) {
        Args args = Args.of("cond_wait", a, 2, 3);
        return bool(sync(c).await(c, args.intValue(0), args.intValue(1), args.integer(2, -1)));
    }

    private Object chanSend(TaskContext c, Object[] a) {
        Args args = Args.of("chan_send", a, 2, 3);
        return bool(sync(c).send(c, args.intValue(0), args.value(1), args.integer(2, -1)));
    }

    private Object chanRecv(TaskContext c, Object[] a) {
        Args args = Args.of("chan_recv", a, 1, 2);
        Object v = sync(c).receive(c, args.intValue(0), args.integer(1, -1));
        return v == ProcessSync.NOTHING ? PNone.NONE : v;
    }

    private Object chanClose(TaskContext c, Object[] a) {
        sync(c).close(Args.of("chan_close", a, 1, 1).intValue(0));
        return 0L;
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
