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
}
