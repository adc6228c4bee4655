package dev.upbeat.simulator;

import com.fasterxml.jackson.annotation.JsonFormat;
import dev.upbeat.problem.Problem;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * {@code latency}: delays the answer by {@code delay} plus or minus a uniform {@code jitter}, or
 * by a uniform time from {@code min} to {@code max} (both inclusive). It combines with the other
 * faults: the delay comes first, then whatever else the plan chose.
 */
public record LatencyFault(Double percentage, Match match, @JsonFormat(shape = JsonFormat.Shape.STRING) Duration delay,
                           @JsonFormat(shape = JsonFormat.Shape.STRING) Duration jitter,
                           @JsonFormat(shape = JsonFormat.Shape.STRING) Duration min,
                           @JsonFormat(shape = JsonFormat.Shape.STRING) Duration max)
        implements Fault {
    private static final Duration LIMIT = Duration.ofMinutes(10);

    public LatencyFault {
        percentage = FaultChecks.percentageOrAll(percentage);
        match = FaultChecks.matchOrAny(match);
    }

    /** Every answer delayed by {@code delay}. */
    public static LatencyFault of(Duration delay) {
        return new LatencyFault(null, null, delay, null, null, null);
    }

    /** Every answer delayed by a uniform time from {@code min} to {@code max}. */
    public static LatencyFault between(Duration min, Duration max) {
        return new LatencyFault(null, null, null, null, min, max);
    }

    /** The same delay, plus or minus a uniform {@code jitter}. */
    public LatencyFault withJitter(Duration jitter) {
        return new LatencyFault(percentage, match, delay, jitter, min, max);
    }

    /** The same fault applied to {@code percentage} of matching requests. */
    public LatencyFault withPercentage(double percentage) {
        return new LatencyFault(percentage, match, delay, jitter, min, max);
    }

    /** The same fault applied only to requests that pass {@code match}. */
    public LatencyFault withMatch(Match match) {
        return new LatencyFault(percentage, match, delay, jitter, min, max);
    }

    /** The delay for one request, drawn from {@code random}. */
    public Duration draw(RandomGenerator random) {
        if (delay != null) {
            long jitterNanos = jitter == null ? 0 : jitter.toNanos();
            long offset = jitterNanos == 0 ? 0 : random.nextLong(-jitterNanos, jitterNanos + 1);
            return Duration.ofNanos(Math.max(0, delay.toNanos() + offset));
        }
        return Duration.ofNanos(random.nextLong(min.toNanos(), max.toNanos() + 1));
    }

    @Override
    public void validate(String prefix) {
        Fault.super.validate(prefix);
        FaultChecks.duration(prefix + ".delay", delay, LIMIT);
        FaultChecks.duration(prefix + ".jitter", jitter, LIMIT);
        FaultChecks.duration(prefix + ".min", min, LIMIT);
        FaultChecks.duration(prefix + ".max", max, LIMIT);
        boolean fixed = delay != null;
        boolean uniform = min != null || max != null;
        if (fixed == uniform) {
            throw Problem.invalid(prefix + ".delay", prefix + " needs either delay (with optional jitter) or min and max");
        }
        if (uniform && (min == null || max == null || min.compareTo(max) > 0)) {
            throw Problem.invalid(prefix + ".max", prefix + " needs both min and max, with min <= max; got " + min + " and " + max);
        }
        if (!fixed && jitter != null) {
            throw Problem.invalid(prefix + ".jitter", prefix + ".jitter goes with delay, not with min and max");
        }
    }
}
