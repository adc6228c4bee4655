package dev.upbeat.probe;

import java.time.Instant;

/** A raw result as stored: {@code coveredMs} is the time it speaks for, normally one interval. */
public record StoredResult(String probeId, Instant checkedAt, boolean ok, boolean inMaintenance, long latencyMs,
                           long coveredMs, String error) {
}
