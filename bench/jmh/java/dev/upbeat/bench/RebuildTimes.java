package dev.upbeat.bench;

import dev.upbeat.incident.Incident;
import dev.upbeat.incident.IncidentRepository;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * The snapshot rebuild with a given number of days of history ({@link History}), as wall time and
 * as the rebuilding thread's CPU time, median of 30 after 20 to warm up: on a shared machine the
 * CPU time says what the work costs when the wall time says mostly how busy the machine was (on
 * PostgreSQL the server's own work is in another process, in the wall time only). "after a change"
 * saves one incident again before each rebuild; "reading everything" is a rebuild that reads all
 * history, as an instance's first and its hourly one do. Usage: RebuildTimes sqlite|postgresql days...
 */
public final class RebuildTimes {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) {
        for (int k = 1; k < args.length; k++) {
            int days = Integer.parseInt(args[k]);
            long seeding = System.nanoTime();
            try (History h = History.seed(args[0], days)) {
                double seeded = (System.nanoTime() - seeding) / 1e9;
                IncidentRepository incidents = new IncidentRepository();
                Runnable change = () -> {
                    Incident newest = h.upbeat().snapshots().current().incidents().get(0);
                    h.upbeat().database().useChange(tx -> incidents.update(tx, newest));
                };
                String quiet = time(h, () -> { });
                String changed = time(h, change);
                String full = timeFullReads(h);
                System.out.printf("%-10s %5d days (%d incidents, seeded in %.0f s): nothing changed %s; after a change %s;"
                                + " reading everything %s%n",
                        args[0], days, h.upbeat().snapshots().current().incidents().size(), seeded, quiet, changed, full);
            }
        }
    }

    /**
     * A rebuild that reads all history, as each instance's first does and each does once an hour:
     * the first rebuild of another instance on the same database, median of 10 after 3, with this
     * process's JIT already warm from the rebuilds before.
     */
    private static String timeFullReads(History h) {
        long[] wall = new long[10];
        long[] cpu = new long[10];
        for (int i = -3; i < wall.length; i++) {
            try (dev.upbeat.app.Upbeat other = h.another()) {
                long w = System.nanoTime();
                long c = THREADS.getCurrentThreadCpuTime();
                other.snapshots().rebuild();
                if (i >= 0) {
                    cpu[i] = THREADS.getCurrentThreadCpuTime() - c;
                    wall[i] = System.nanoTime() - w;
                }
            }
        }
        return median(wall, cpu);
    }

    private static String median(long[] wall, long[] cpu) {
        Arrays.sort(wall);
        Arrays.sort(cpu);
        return String.format("%.1f ms wall, %.1f ms CPU", wall[wall.length / 2] / 1e6, cpu[cpu.length / 2] / 1e6);
    }

    private static String time(History h, Runnable before) {
        long[] wall = new long[30];
        long[] cpu = new long[30];
        for (int i = -20; i < wall.length; i++) {
            before.run();
            long w = System.nanoTime();
            long c = THREADS.getCurrentThreadCpuTime();
            h.upbeat().snapshots().rebuild();
            if (i >= 0) {
                cpu[i] = THREADS.getCurrentThreadCpuTime() - c;
                wall[i] = System.nanoTime() - w;
            }
        }
        return median(wall, cpu);
    }
}
