package dev.upbeat.uptime;

import dev.upbeat.component.ComponentStatus;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Whole seconds a component spent in each status during one local day. Time not covered by any
 * status is unknown and appears in none of the counters, so {@link #observedSeconds()} may be
 * shorter than the day.
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
        return switch (status) {
            case OPERATIONAL -> new DayTotals(day, Math.addExact(operationalSeconds, seconds),
                    maintenanceSeconds, degradedSeconds, partialSeconds, majorSeconds);
            case UNDER_MAINTENANCE -> new DayTotals(day, operationalSeconds,
                    Math.addExact(maintenanceSeconds, seconds), degradedSeconds, partialSeconds, majorSeconds);
            case DEGRADED_PERFORMANCE -> new DayTotals(day, operationalSeconds, maintenanceSeconds,
                    Math.addExact(degradedSeconds, seconds), partialSeconds, majorSeconds);
            case PARTIAL_OUTAGE -> new DayTotals(day, operationalSeconds, maintenanceSeconds,
                    degradedSeconds, Math.addExact(partialSeconds, seconds), majorSeconds);
            case MAJOR_OUTAGE -> new DayTotals(day, operationalSeconds, maintenanceSeconds,
                    degradedSeconds, partialSeconds, Math.addExact(majorSeconds, seconds));
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
}
