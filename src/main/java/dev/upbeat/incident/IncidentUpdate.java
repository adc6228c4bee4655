package dev.upbeat.incident;

import java.time.Instant;
import java.util.List;

/** One timed message of an incident or maintenance; {@code message} is Markdown. */
public record IncidentUpdate(
        long id,
        long incidentId,
        IncidentStatus status,
        String message,
        boolean notifySubscribers,
        Instant createdAt,
        Instant displayAt,
        List<ComponentChange> changes) {
}
