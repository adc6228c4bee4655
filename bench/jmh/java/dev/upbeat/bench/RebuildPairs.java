package dev.upbeat.bench;

import dev.upbeat.incident.Incident;
import dev.upbeat.incident.IncidentRepository;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * The rebuild after a change with two histories side by side ({@link History}), taking turns: 15
 * rounds of 10 rebuilds each, the first to go alternating, after 20 each to warm up. On a shared
 * machine the load moves during a run; taking turns gives both histories the same machine, so their
 * difference can be read round by round. Prints the median wall and CPU time of each history over
 * all rounds, and of the second minus the first the median of the rounds' differences and in how
 * many rounds it was at most zero. Usage: RebuildPairs sqlite|postgresql days days
 */
public final class RebuildPairs {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int ROUNDS = 15;
    private static final int PER_ROUND = 10;

    public static void main(String[] args) {
        try (History a = History.seed(args[0], Integer.parseInt(args[1]));
             History b = History.seed(args[0], Integer.parseInt(args[2]))) {
            History[] both = {a, b};
            for (History h : both) {
                round(h, 20);
            }
            List<List<long[]>> rounds = List.of(new ArrayList<>(), new ArrayList<>());
            for (int r = 0; r < ROUNDS; r++) {
                for (int k = 0; k < 2; k++) {
                    int which = (r + k) % 2;
                    rounds.get(which).add(round(both[which], PER_ROUND));
                }
            }
            System.out.printf("%-10s after a change, %d rounds of %d taking turns:%n", args[0], ROUNDS, PER_ROUND);
            for (int k = 0; k < 2; k++) {
                System.out.printf("  %5s days: %.1f ms wall, %.1f ms CPU (median of %d)%n", args[k + 1],
                        median(all(rounds.get(k), 0)), median(all(rounds.get(k), 1)), ROUNDS * PER_ROUND);
            }
            for (int kind = 0; kind < 2; kind++) {
                long[] diff = new long[ROUNDS];
                int atMost = 0;
                for (int r = 0; r < ROUNDS; r++) {
                    diff[r] = Math.round((median(part(rounds.get(1).get(r), kind)) - median(part(rounds.get(0).get(r), kind))) * 1e6);
                    atMost += diff[r] <= 0 ? 1 : 0;
                }
                System.out.printf("  %s days minus %s days, %s: median of the rounds' differences %+.1f ms, at most zero in %d of %d%n",
                        args[2], args[1], kind == 0 ? "wall" : "CPU", median(diff), atMost, ROUNDS);
            }
        }
    }

    /** Wall and CPU nanoseconds of {@code n} rebuilds, each after one incident is saved again, interleaved: wall, CPU, wall, CPU. */
    private static long[] round(History h, int n) {
        IncidentRepository incidents = new IncidentRepository();
        long[] times = new long[2 * n];
        for (int i = 0; i < n; i++) {
            Incident newest = h.upbeat().snapshots().current().incidents().get(0);
            h.upbeat().database().useChange(tx -> incidents.update(tx, newest));
            long w = System.nanoTime();
            long c = THREADS.getCurrentThreadCpuTime();
            h.upbeat().snapshots().rebuild();
            times[2 * i + 1] = THREADS.getCurrentThreadCpuTime() - c;
            times[2 * i] = System.nanoTime() - w;
        }
        return times;
    }

    private static long[] part(long[] times, int kind) {
        long[] out = new long[times.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = times[2 * i + kind];
        }
        return out;
    }

    private static long[] all(List<long[]> rounds, int kind) {
        return rounds.stream().map(t -> part(t, kind)).flatMapToLong(java.util.Arrays::stream).toArray();
    }

    /** The median in milliseconds. */
    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        double middle = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
        return middle / 1e6;
    }
}
