package dev.upbeat.incident;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

/**
 * An incident or a scheduled maintenance with everything shown about it. Updates are oldest
 * first. Maintenance-only fields (scheduled window, zone, auto start and complete) are null or
 * false on incidents. Build one by name with {@link #builder()}, or change a stored one with
 * {@link #toBuilder()}: with eighteen fields, seven of them instants, a positional call is easy to misread.
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

    /**
     * False for a maintenance window that has not (or never) begun: still scheduled, or completed
     * or cancelled straight from scheduled. Its stored start is then only the planned one, so
     * pages and APIs must not show it as a start, nor count it as ongoing.
     */
    public boolean hasStarted() {
        return kind == Kind.INCIDENT || status.holdsComponents()
                || updates.stream().anyMatch(u -> u.status().holdsComponents());
    }

    public IncidentUpdate latestUpdate() {
        return updates.isEmpty() ? null : updates.get(updates.size() - 1);
    }

    /** A builder with no components, no updates and automation off; everything else is null or zero until set. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding every field of this incident, to change a few. */
    public Builder toBuilder() {
        return new Builder().id(id).kind(kind).title(title).impact(impact).status(status).postmortem(postmortem)
                .startedAt(startedAt).createdAt(createdAt).updatedAt(updatedAt).monitoringAt(monitoringAt)
                .resolvedAt(resolvedAt).scheduledFor(scheduledFor).scheduledUntil(scheduledUntil).timeZone(timeZone)
                .autoStart(autoStart).autoComplete(autoComplete).components(components).updates(updates);
    }

    public static final class Builder {
        private long id;
        private Kind kind;
        private String title;
        private Impact impact;
        private IncidentStatus status;
        private String postmortem;
        private Instant startedAt;
        private Instant createdAt;
        private Instant updatedAt;
        private Instant monitoringAt;
        private Instant resolvedAt;
        private Instant scheduledFor;
        private Instant scheduledUntil;
        private ZoneId timeZone;
        private boolean autoStart;
        private boolean autoComplete;
        private List<AffectedComponent> components = List.of();
        private List<IncidentUpdate> updates = List.of();

        private Builder() {
        }

        public Builder id(long id) { this.id = id; return this; }
        public Builder kind(Kind kind) { this.kind = kind; return this; }
        public Builder title(String title) { this.title = title; return this; }
        public Builder impact(Impact impact) { this.impact = impact; return this; }
        public Builder status(IncidentStatus status) { this.status = status; return this; }
        public Builder postmortem(String postmortem) { this.postmortem = postmortem; return this; }
        public Builder startedAt(Instant startedAt) { this.startedAt = startedAt; return this; }
        public Builder createdAt(Instant createdAt) { this.createdAt = createdAt; return this; }
        public Builder updatedAt(Instant updatedAt) { this.updatedAt = updatedAt; return this; }
        public Builder monitoringAt(Instant monitoringAt) { this.monitoringAt = monitoringAt; return this; }
        public Builder resolvedAt(Instant resolvedAt) { this.resolvedAt = resolvedAt; return this; }
        public Builder scheduledFor(Instant scheduledFor) { this.scheduledFor = scheduledFor; return this; }
        public Builder scheduledUntil(Instant scheduledUntil) { this.scheduledUntil = scheduledUntil; return this; }
        public Builder timeZone(ZoneId timeZone) { this.timeZone = timeZone; return this; }
        public Builder autoStart(boolean autoStart) { this.autoStart = autoStart; return this; }
        public Builder autoComplete(boolean autoComplete) { this.autoComplete = autoComplete; return this; }
        public Builder components(List<AffectedComponent> components) { this.components = components; return this; }
        public Builder updates(List<IncidentUpdate> updates) { this.updates = updates; return this; }

        public Incident build() {
            return new Incident(id, kind, title, impact, status, postmortem, startedAt, createdAt, updatedAt,
                    monitoringAt, resolvedAt, scheduledFor, scheduledUntil, timeZone, autoStart, autoComplete,
                    components, updates);
        }
    }
}
