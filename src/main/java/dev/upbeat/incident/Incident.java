package dev.upbeat.incident;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

/**
 * An incident or a scheduled maintenance with everything shown about it. Updates are oldest
 * first. Maintenance-only fields (scheduled window, zone, auto start and complete) are null or
 * false on incidents.
 */
public record Incident(
        long id,
        Kind kind,
        String title,
        Impact impact,
        IncidentStatus status,
        String postmortem,
        Instant startedAt,
        Instant createdAt,
        Instant updatedAt,
        Instant monitoringAt,
        Instant resolvedAt,
        Instant scheduledFor,
        Instant scheduledUntil,
        ZoneId timeZone,
        boolean autoStart,
        boolean autoComplete,
        List<AffectedComponent> components,
        List<IncidentUpdate> updates) {

    /** The key this incident holds components under. */
    public String holder() {
        return kind.wire() + ":" + id;
    }

    /** The updates as every timeline shows them: latest display time first, later-posted first on a tie. */
    public List<IncidentUpdate> updatesNewestFirst() {
        return updates.stream()
                .sorted(Comparator.comparing(IncidentUpdate::displayAt).thenComparing(IncidentUpdate::id).reversed())
                .toList();
    }

    public IncidentUpdate latestUpdate() {
        return updates.isEmpty() ? null : updates.get(updates.size() - 1);
    }
}
