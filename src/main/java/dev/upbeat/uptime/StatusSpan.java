package dev.upbeat.uptime;

import dev.upbeat.component.ComponentStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * A period a component spent in one status, from {@code start} inclusive to {@code end} exclusive.
 * A zero-length span is allowed and carries no time; an end before the start is rejected.
 */
public record StatusSpan(ComponentStatus status, Instant start, Instant end) {

    public StatusSpan {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("span end " + end + " is before its start " + start);
        }
    }
}
