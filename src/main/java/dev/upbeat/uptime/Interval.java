package dev.upbeat.uptime;

import dev.upbeat.component.ComponentStatus;
import java.time.Instant;

/** One stored row of status history; {@code end} is null while it is the current status. */
public record Interval(long id, String componentId, ComponentStatus status, Instant start, Instant end) {
}
