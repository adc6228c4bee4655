package dev.upbeat.notification;

import java.time.Instant;
import java.util.List;

/**
 * Everything a message about one event says, fixed when the event happened and stored with it,
 * so a retry or a restart sends the same words; the page status is as it was then.
 */
public record EventBody(
        String incidentKind,
        long incidentId,
        String title,
        String status,
        String impact,
        String message,
        List<String> components,
        String url,
        Instant at,
        StatuspageWebhookBody.Page page,
        StatuspageWebhookBody.IncidentObject incident) {
}
