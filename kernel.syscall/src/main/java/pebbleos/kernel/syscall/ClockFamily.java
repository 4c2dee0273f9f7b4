package pebbleos.kernel.syscall;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Component;

import pebbleos.api.process.TaskContext;
import pebbleos.api.syscall.Args;
import pebbleos.api.syscall.Dispatch;
import pebbleos.api.syscall.ProvidesFamily;
import pebbleos.api.syscall.Syscall;
import pebbleos.api.syscall.SyscallFamily;
import pebbleos.api.value.PDict;
import pebbleos.api.value.PList;

/** The {@code clock} family: wall time, a monotonic clock, sleeping, broken-down local time. */
@ProvidesFamily("clock")
@Component(service = SyscallFamily.class, property = SyscallFamily.FAMILY + "=clock")
public final class ClockFamily implements SyscallFamily, Dispatch.Table {
    private static final long ORIGIN = System.nanoTime();
    // the syscalls by number, answered by call(): one class, not one spun per lambda (Dispatch)
    private static final int TIME = 0;
    private static final int MONOTONIC = 1;
    private static final int MONOTONIC_NS = 2;
    private static final int SLEEP = 3;
    private static final int LOCALTIME = 4;
    private static final int UPTIME = 5;

    @Override
    public String name() {
        return "clock";
    }

    @Override
    public List<Syscall> syscalls() {
        return List.of(
                new Syscall("clock_time", "", "wall-clock time in seconds since the epoch, a float",
                        new Dispatch(this, TIME)),
                new Syscall("clock_monotonic", "", "milliseconds on a clock that never goes back, an int",
                        new Dispatch(this, MONOTONIC)),
                new Syscall("clock_monotonic_ns", "", "nanoseconds on the monotonic clock, an int",
                        new Dispatch(this, MONOTONIC_NS)),
                new Syscall("clock_sleep", "ms",
                        "sleep for ms milliseconds; a stop (SIGTSTP, SIGSTOP) pauses the count, which goes on with the time left after SIGCONT; a caught signal cuts it short (INTR)",
                        new Dispatch(this, SLEEP)),
                new Syscall("clock_localtime", "[seconds]",
                        "broken-down local time: year, month, day, hour, minute, second, weekday (0 = Monday), yearday, zone",
                        new Dispatch(this, LOCALTIME)),
                new Syscall("clock_uptime", "",
                        "since when the system runs: {seconds (float), booted (epoch seconds), load: the host's load averages over 1, 5 and 15 minutes (-1.0 where unknown)}",
                        new Dispatch(this, UPTIME)));
    }

    @Override
    public Object call(int id, TaskContext c, Object[] a) {
        return switch (id) {
            case TIME -> System.currentTimeMillis() / 1000.0;
            case MONOTONIC -> (System.nanoTime() - ORIGIN) / 1_000_000L;
            case MONOTONIC_NS -> System.nanoTime() - ORIGIN;
            case SLEEP -> sleep(c, a);
            case LOCALTIME -> localtime(c, a);
            case UPTIME -> uptime(c, a);
            default -> throw new IllegalArgumentException("clock: no syscall " + id);
        };
    }

    /** The system booted with the JVM: its start time, and the host's load averages. */
    private static Object uptime(TaskContext caller, Object[] values) {
        Args.of("clock_uptime", values, 0, 0);
        long started = ManagementFactory.getRuntimeMXBean().getStartTime();
        long now = System.currentTimeMillis();
        PList load = new PList();
        for (double d : LoadAverage.read()) {
            load.append(d);
        }
        return PDict.of("seconds", Math.max(0, now - started) / 1000.0, "booted", started / 1000.0, "load", load);
    }

    /**
     * Sleep for the time asked. A signal interrupts the Java thread: the time
     * that has passed is counted and the rest is slept when the blocking
     * call runs the operation again (after SIGCONT, for a stopped process).
     */
    private static Object sleep(TaskContext caller, Object[] values) {
        Args args = Args.of("clock_sleep", values, 1, 1);
        long ms = Math.max(0, Math.round(args.number(0)));
        long[] left = {TimeUnit.MILLISECONDS.toNanos(ms)};
        return caller.blocking("sleeping", () -> {
            long start = System.nanoTime();
            try {
                TimeUnit.NANOSECONDS.sleep(left[0]);
                left[0] = 0;
                return 0L;
            } catch (InterruptedException e) {
                left[0] -= System.nanoTime() - start;
                return left[0] > 0 ? TaskContext.INTERRUPTED : 0L;
            }
        });
    }

    private static Object localtime(TaskContext caller, Object[] values) {
        Args args = Args.of("clock_localtime", values, 0, 1);
        double seconds = args.has(0) ? args.number(0) : System.currentTimeMillis() / 1000.0;
        ZonedDateTime t = Instant.ofEpochMilli((long) (seconds * 1000)).atZone(ZoneId.systemDefault());
        return PDict.of("year", (long) t.getYear(), "month", (long) t.getMonthValue(),
                "day", (long) t.getDayOfMonth(), "hour", (long) t.getHour(), "minute", (long) t.getMinute(),
                "second", (long) t.getSecond(), "weekday", (long) t.getDayOfWeek().getValue() - 1,
                "yearday", (long) t.getDayOfYear(), "zone", t.getZone().getId(),
                "offset", (long) t.getOffset().getTotalSeconds());
    }
}
