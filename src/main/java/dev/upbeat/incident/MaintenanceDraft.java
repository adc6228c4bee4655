package dev.upbeat.incident;

import java.util.List;

/**
 * A maintenance window as asked for. Times are ISO 8601: with an offset or Z they are taken as
 * they are; without one ({@code 2026-12-01T02:00}) they are local times in {@code timeZone}.
 * On change, null fields are left as they are.
 */
public record MaintenanceDraft(
        String title,
        String message,
        List<String> components,
        String scheduledFor,
        String scheduledUntil,
        String timeZone,
        Boolean autoStart,
        Boolean autoComplete,
        Boolean notifySubscribers) {

    /** A builder with every field null, which on change means "leave as it is". */
    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String title;
        private String message;
        private List<String> components;
        private String scheduledFor;
        private String scheduledUntil;
        private String timeZone;
        private Boolean autoStart;
        private Boolean autoComplete;
        private Boolean notifySubscribers;

        private Builder() {
        }

        public Builder title(String title) { this.title = title; return this; }
        public Builder message(String message) { this.message = message; return this; }
        public Builder components(List<String> components) { this.components = components; return this; }
        public Builder scheduledFor(String scheduledFor) { this.scheduledFor = scheduledFor; return this; }
        public Builder scheduledUntil(String scheduledUntil) { this.scheduledUntil = scheduledUntil; return this; }
        public Builder timeZone(String timeZone) { this.timeZone = timeZone; return this; }
        public Builder autoStart(Boolean autoStart) { this.autoStart = autoStart; return this; }
        public Builder autoComplete(Boolean autoComplete) { this.autoComplete = autoComplete; return this; }
        public Builder notifySubscribers(Boolean notifySubscribers) { this.notifySubscribers = notifySubscribers; return this; }

        public MaintenanceDraft build() {
            return new MaintenanceDraft(title, message, components, scheduledFor, scheduledUntil, timeZone,
                    autoStart, autoComplete, notifySubscribers);
        }
    }
}
