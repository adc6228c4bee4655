package dev.upbeat.probe;

import java.time.Instant;

/**
 * A raw result as stored: {@code coveredMs} is the time it speaks for, normally one interval.
 * Build one by name with {@link #builder()}: two flags and two durations in milliseconds sit side by side.
 */
public record StoredResult(String probeId, Instant checkedAt, boolean ok, boolean inMaintenance, long latencyMs,
                           long coveredMs, String error) {

    /** A builder with every field null, false or zero until set. */
    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String probeId;
        private Instant checkedAt;
        private boolean ok;
        private boolean inMaintenance;
        private long latencyMs;
        private long coveredMs;
        private String error;

        private Builder() {
        }

        public Builder probeId(String probeId) { this.probeId = probeId; return this; }
        public Builder checkedAt(Instant checkedAt) { this.checkedAt = checkedAt; return this; }
        public Builder ok(boolean ok) { this.ok = ok; return this; }
        public Builder inMaintenance(boolean inMaintenance) { this.inMaintenance = inMaintenance; return this; }
        public Builder latencyMs(long latencyMs) { this.latencyMs = latencyMs; return this; }
        public Builder coveredMs(long coveredMs) { this.coveredMs = coveredMs; return this; }
        public Builder error(String error) { this.error = error; return this; }

        public StoredResult build() {
            return new StoredResult(probeId, checkedAt, ok, inMaintenance, latencyMs, coveredMs, error);
        }
    }
}
