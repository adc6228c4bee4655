package dev.upbeat.incident;

import java.time.Instant;
import java.util.Map;

/**
 * A new incident as asked for: statuses and impact in their wire words, checked by the service.
 *
 * @param components component id to the status the incident puts it in
 * @param startedAt  when it really began; earlier than now back-dates it (and its uptime effect)
 * @param resolvedAt only with status {@code resolved}: records a past incident after the fact
 */
public record IncidentDraft(
        String title,
        String status,
        String impact,
        String message,
        Map<String, String> components,
        Instant startedAt,
        Instant resolvedAt,
        Boolean notifySubscribers) {
}
