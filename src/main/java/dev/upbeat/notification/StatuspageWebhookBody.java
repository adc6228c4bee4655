package dev.upbeat.notification;

import java.time.Instant;
import java.util.List;

/**
 * The Statuspage subscriber-webhook body ({@code meta}, {@code page}, {@code incident} with its
 * {@code incident_updates}), as records so the one JSON configuration writes them in snake_case.
 * Consumers written for Statuspage read Upbeat's webhooks unchanged.
 */
public final class StatuspageWebhookBody {
    private StatuspageWebhookBody() {
    }

    public record Webhook(Meta meta, Page page, IncidentObject incident) {
    }

    public record Meta(String unsubscribe, String documentation) {
    }

    public record Page(String id, String statusIndicator, String statusDescription) {
    }

    public record IncidentObject(String id, String name, String status, String impact, Instant createdAt, Instant updatedAt,
                                 Instant monitoringAt, Instant resolvedAt, Instant startedAt, String shortlink, String pageId,
                                 Instant scheduledFor, Instant scheduledUntil, List<Update> incidentUpdates,
                                 List<ComponentRef> components) {
    }

    public record Update(String id, String status, String body, String incidentId, Instant createdAt, Instant updatedAt,
                         Instant displayAt, List<Affected> affectedComponents, boolean deliverNotifications,
                         String customTweet, String tweetId) {
    }

    public record Affected(String code, String name, String oldStatus, String newStatus) {
    }

    public record ComponentRef(String id, String name, String status, Instant createdAt) {
    }
}
