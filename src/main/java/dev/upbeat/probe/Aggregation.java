package dev.upbeat.probe;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Folds raw results into one {@link Rollup}. Each result speaks for the time it covers (one
 * interval), counted in the bucket where it started; the sum is capped at the bucket's length.
 * Time no result covers, such as while Upbeat was stopped, stays unknown rather than down.
 */
final class Aggregation {
    private Aggregation() {
    }

    static Rollup of(String probeId, Rollup.Bucket bucket, Instant start, Instant end, String day, List<StoredResult> results) {
        long up = 0;
        long down = 0;
        long maintenance = 0;
        int successes = 0;
        for (StoredResult r : results) {
            if (r.ok()) {
                successes++;
            }
            if (r.inMaintenance()) {
                maintenance += r.coveredMs();
            } else if (r.ok()) {
                up += r.coveredMs();
            } else {
                down += r.coveredMs();
            }
        }
        long total = up + down + maintenance;
        long length = Math.max(0, Duration.between(start, end).toMillis());
        // Rounding each share down keeps the total within the bucket.
        double scale = total > length ? length / (double) total : 1.0;
        List<Long> latencies = results.stream().map(StoredResult::latencyMs).sorted().toList();
        return Rollup.builder().probeId(probeId).bucket(bucket).start(start).day(day).checks(results.size())
                .successes(successes).upSeconds(seconds(up, scale)).downSeconds(seconds(down, scale))
                .maintenanceSeconds(seconds(maintenance, scale)).p50(Percentiles.of(latencies, 50))
                .p95(Percentiles.of(latencies, 95)).p99(Percentiles.of(latencies, 99)).build();
    }

    private static long seconds(long millis, double scale) {
        return (long) Math.floor(millis * scale / 1000);
    }
}
