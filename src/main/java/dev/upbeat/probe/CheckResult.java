package dev.upbeat.probe;

import java.time.Duration;
import java.time.Instant;

/** The outcome of one check: when it started, how long it took, and why it failed (null when ok). */
public record CheckResult(Instant checkedAt, boolean ok, Duration latency, String error) {
    static final int MAX_ERROR = 500;

    public static CheckResult ok(Instant at, Duration latency) {
        return new CheckResult(at, true, latency, null);
    }

    public static CheckResult failed(Instant at, Duration latency, String error) {
        String e = error == null || error.isBlank() ? "failed" : error;
        return new CheckResult(at, false, latency, e.length() > MAX_ERROR ? e.substring(0, MAX_ERROR) : e);
    }
}
