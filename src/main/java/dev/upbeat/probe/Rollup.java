package dev.upbeat.probe;

import java.time.Instant;

/**
 * One probe's aggregate over an hour or a local day: checks, successes, the seconds its results
 * cover as up, down or under maintenance (uncovered seconds are unknown), and latency percentiles
 * in milliseconds (null without checks).
 *
 * @param day the local date for a daily roll-up (null for an hourly one)
 */
public record Rollup(String probeId, Bucket bucket, Instant start, String day, int checks, int successes,
                     long upSeconds, long downSeconds, long maintenanceSeconds, Long p50, Long p95, Long p99) {

    /** The two aggregate sizes. */
    public enum Bucket { HOUR, DAY;

        String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public double availability() {
        return checks == 0 ? Double.NaN : successes / (double) checks;
    }
}
