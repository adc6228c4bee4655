package dev.upbeat.uptime;

import dev.upbeat.component.ComponentStatus;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Whole seconds a component spent in each status during one local day. Time not covered by any
 * status is unknown and appears in none of the counters, so {@link #observedSeconds()} may be
 * shorter than the day. Outside this record, build one by name with {@link #builder()}: five
 * counters of seconds in a row are easy to swap.
 */
public record DayTotals(
        LocalDate day,
        long operationalSeconds,
        long maintenanceSeconds,
        long degradedSeconds,
        long partialSeconds,
        long majorSeconds) {

    public DayTotals {
        Objects.requireNonNull(day, "day");
        requireNonNegative("operationalSeconds", operationalSeconds);
        requireNonNegative("maintenanceSeconds", maintenanceSeconds);
        requireNonNegative("degradedSeconds", degradedSeconds);
        requireNonNegative("partialSeconds", partialSeconds);
        requireNonNegative("majorSeconds", majorSeconds);
    }

    public static DayTotals empty(LocalDate day) {
        return new DayTotals(day, 0, 0, 0, 0, 0);
    }

    public DayTotals plus(ComponentStatus status, long seconds) {
        Builder b = toBuilder();
        return switch (status) {
            case OPERATIONAL -> b.operationalSeconds(Math.addExact(operationalSeconds, seconds)).build();
            case UNDER_MAINTENANCE -> b.maintenanceSeconds(Math.addExact(maintenanceSeconds, seconds)).build();
            case DEGRADED_PERFORMANCE -> b.degradedSeconds(Math.addExact(degradedSeconds, seconds)).build();
            case PARTIAL_OUTAGE -> b.partialSeconds(Math.addExact(partialSeconds, seconds)).build();
            case MAJOR_OUTAGE -> b.majorSeconds(Math.addExact(majorSeconds, seconds)).build();
        };
    }

    /** Sums both days' counters; the result keeps this day's date, which suits period totals. */
    public DayTotals plus(DayTotals other) {
        return new DayTotals(day,
                Math.addExact(operationalSeconds, other.operationalSeconds),
                Math.addExact(maintenanceSeconds, other.maintenanceSeconds),
                Math.addExact(degradedSeconds, other.degradedSeconds),
                Math.addExact(partialSeconds, other.partialSeconds),
                Math.addExact(majorSeconds, other.majorSeconds));
    }

    public long observedSeconds() {
        return operationalSeconds + maintenanceSeconds + degradedSeconds + partialSeconds + majorSeconds;
    }

    public long secondsIn(ComponentStatus s) {
        return switch (s) {
            case OPERATIONAL -> operationalSeconds;
            case UNDER_MAINTENANCE -> maintenanceSeconds;
            case DEGRADED_PERFORMANCE -> degradedSeconds;
            case PARTIAL_OUTAGE -> partialSeconds;
            case MAJOR_OUTAGE -> majorSeconds;
        };
    }

    private static void requireNonNegative(String field, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must not be negative, was " + value);
        }
    }

    /** A builder with every counter zero; the day must be set. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding every field of these totals, to change a few. */
    public Builder toBuilder() {
        return new Builder().day(day).operationalSeconds(operationalSeconds).maintenanceSeconds(maintenanceSeconds)
                .degradedSeconds(degradedSeconds).partialSeconds(partialSeconds).majorSeconds(majorSeconds);
    }

    public static final class Builder {
        private LocalDate day;
        private long operationalSeconds;
        private long maintenanceSeconds;
        private long degradedSeconds;
        private long partialSeconds;
        private long majorSeconds;

        private Builder() {
        }

        public Builder day(LocalDate day) { this.day = day; return this; }
        public Builder operationalSeconds(long operationalSeconds) {
            this.operationalSeconds = operationalSeconds;
            return this;
        }
        public Builder maintenanceSeconds(long maintenanceSeconds) {
            this.maintenanceSeconds = maintenanceSeconds;
            return this;
        }
        public Builder degradedSeconds(long degradedSeconds) { this.degradedSeconds = degradedSeconds; return this; }
        public Builder partialSeconds(long partialSeconds) { this.partialSeconds = partialSeconds; return this; }
        public Builder majorSeconds(long majorSeconds) { this.majorSeconds = majorSeconds; return this; }

        public DayTotals build() {
            return new DayTotals(day, operationalSeconds, maintenanceSeconds, degradedSeconds, partialSeconds, majorSeconds);
        }
    }
}
