package dev.upbeat.probe;

import java.time.Instant;

/**
 * One probe's aggregate over an hour or a local day: checks, successes, the seconds its results
 * cover as up, down or under maintenance (uncovered seconds are unknown), and latency percentiles
 * in milliseconds (null without checks).
 *
 * <p>Build one by name with {@link #builder()}: with twelve fields, most of them counts, a
 * positional call is easy to misread.
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

    /** A builder with every field null or zero until set. */
    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String probeId;
        private Bucket bucket;
        private Instant start;
        private String day;
        private int checks;
        private int successes;
        private long upSeconds;
        private long downSeconds;
        private long maintenanceSeconds;
        private Long p50;
        private Long p95;
        private Long p99;

        private Builder() {
        }

        public Builder probeId(String probeId) { this.probeId = probeId; return this; }
        public Builder bucket(Bucket bucket) { this.bucket = bucket; return this; }
        public Builder start(Instant start) { this.start = start; return this; }
        public Builder day(String day) { this.day = day; return this; }
        public Builder checks(int checks) { this.checks = checks; return this; }
        public Builder successes(int successes) { this.successes = successes; return this; }
        public Builder upSeconds(long upSeconds) { this.upSeconds = upSeconds; return this; }
        public Builder downSeconds(long downSeconds) { this.downSeconds = downSeconds; return this; }
        public Builder maintenanceSeconds(long maintenanceSeconds) {
            this.maintenanceSeconds = maintenanceSeconds;
            return this;
        }
        public Builder p50(Long p50) { this.p50 = p50; return this; }
        public Builder p95(Long p95) { this.p95 = p95; return this; }
        public Builder p99(Long p99) { this.p99 = p99; return this; }

        public Rollup build() {
            return new Rollup(probeId, bucket, start, day, checks, successes, upSeconds, downSeconds, maintenanceSeconds,
                    p50, p95, p99);
        }
    }
}
