package dev.upbeat.incident;

import java.time.Instant;
import java.util.List;

/**
 * One timed message of an incident or maintenance; {@code message} is Markdown. Build one by name
 * with {@link #builder()}: its two ids and two instants sit side by side.
 */
public record IncidentUpdate(
        long id,
        long incidentId,
        IncidentStatus status,
        String message,
        boolean notifySubscribers,
        Instant createdAt,
        Instant displayAt,
        List<ComponentChange> changes) {

    /** A builder with no component changes and no notification; everything else is null or zero until set. */
    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private long id;
        private long incidentId;
        private IncidentStatus status;
        private String message;
        private boolean notifySubscribers;
        private Instant createdAt;
        private Instant displayAt;
        private List<ComponentChange> changes = List.of();

        private Builder() {
        }

        public Builder id(long id) { this.id = id; return this; }
        public Builder incidentId(long incidentId) { this.incidentId = incidentId; return this; }
        public Builder status(IncidentStatus status) { this.status = status; return this; }
        public Builder message(String message) { this.message = message; return this; }
        public Builder notifySubscribers(boolean notifySubscribers) {
            this.notifySubscribers = notifySubscribers;
            return this;
        }
        public Builder createdAt(Instant createdAt) { this.createdAt = createdAt; return this; }
        public Builder displayAt(Instant displayAt) { this.displayAt = displayAt; return this; }
        public Builder changes(List<ComponentChange> changes) { this.changes = changes; return this; }

        public IncidentUpdate build() {
            return new IncidentUpdate(id, incidentId, status, message, notifySubscribers, createdAt, displayAt, changes);
        }
    }
}
