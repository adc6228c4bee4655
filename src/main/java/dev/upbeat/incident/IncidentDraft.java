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

    /** A builder with every field null: the service's defaults apply. */
    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String title;
        private String status;
        private String impact;
        private String message;
        private Map<String, String> components;
        private Instant startedAt;
        private Instant resolvedAt;
        private Boolean notifySubscribers;

        private Builder() {
        }

        public Builder title(String title) { this.title = title; return this; }
        public Builder status(String status) { this.status = status; return this; }
        public Builder impact(String impact) { this.impact = impact; return this; }
        public Builder message(String message) { this.message = message; return this; }
        public Builder components(Map<String, String> components) { this.components = components; return this; }
        public Builder startedAt(Instant startedAt) { this.startedAt = startedAt; return this; }
        public Builder resolvedAt(Instant resolvedAt) { this.resolvedAt = resolvedAt; return this; }
        public Builder notifySubscribers(Boolean notifySubscribers) { this.notifySubscribers = notifySubscribers; return this; }

        public IncidentDraft build() {
            return new IncidentDraft(title, status, impact, message, components, startedAt, resolvedAt,
                    notifySubscribers);
        }
    }
}
