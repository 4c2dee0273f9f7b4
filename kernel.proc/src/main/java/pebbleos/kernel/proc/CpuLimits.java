package pebbleos.kernel.proc;

import pebbleos.api.process.Signals;

/**
 * The CPU time limit ({@code ulimit -t}), checked four times a second for
 * the processes that have one. Past the soft limit the process gets a
 * catchable {@code CPUTimeError} at its next safe point (once); past the
 * hard limit, and never sooner than a second after that error, it is ended
 * with SIGXCPU (status 152), which it cannot ignore, as the hard limit ends
 * a process with SIGKILL on Linux.
 */
final class CpuLimits {
    private final ProcessTable table;

    CpuLimits(ProcessTable table) {
        this.table = table;
    }

    void check() {
        for (PebbleProcess p : table.list()) {
            ResourceLimits limits = p.limits;
            if (p.ended || limits == null) {
                continue;
            }
            long soft = limits.soft(ResourceLimits.Resource.CPU);
            if (soft == ResourceLimits.UNLIMITED) {
                continue;
            }
            long hard = limits.hard(ResourceLimits.Resource.CPU);
            long seconds = p.cpuNanos() / 1_000_000_000L;
            if (!p.cpuWarned && seconds >= soft) {
                p.cpuWarned = true;
                p.pendingError.set("CPUTimeError: process " + p.pid + " exceeded its CPU time limit (" + soft + " s)");
                for (PebbleThread t : p.threads) {
                    t.signalled();
                }
            } else if (p.cpuWarned && seconds >= Math.max(soft + 1, hard == ResourceLimits.UNLIMITED ? soft + 1 : hard)) {
                p.fatalSignal = Signals.SIGXCPU; // like the hard limit's SIGKILL: not to be ignored
                table.kill(p, Signals.SIGXCPU);
            }
        }
    }
}
