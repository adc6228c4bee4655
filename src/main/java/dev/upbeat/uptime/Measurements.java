package dev.upbeat.uptime;

import dev.upbeat.storage.Tx;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Uptime measured from outside (by probes), read for the snapshot: per component, seconds per
 * local day as up, down or under maintenance (uncovered time unknown), and per probe its hourly
 * latency. The probe package implements it; the snapshot only sees this.
 */
public interface Measurements {
    Measurements NONE = (tx, now) -> Measured.EMPTY;

    Measured read(Tx tx, Instant now);

    /** Drops what is kept from one read for the next, so that the next read reads everything again. */
    default void forget() {
    }

    /** What one read found. */
    record Measured(Map<String, SortedMap<LocalDate, DayTotals>> days, Map<String, List<LatencySeries>> latency) {
        public static final Measured EMPTY = new Measured(Map.of(), Map.of());
    }

    /** One probe's latency, hour by hour, oldest first. */
    record LatencySeries(String probeName, List<LatencyPoint> points) {
    }

    /** An hour's checks and nearest-rank latency percentiles in milliseconds. */
    record LatencyPoint(Instant hour, int checks, int successes, long p50, long p95, long p99) {
    }
}
