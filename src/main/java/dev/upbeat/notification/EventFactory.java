package dev.upbeat.notification;

import dev.upbeat.component.Component;
import dev.upbeat.component.ComponentStatus;
import dev.upbeat.incident.ComponentChange;
import dev.upbeat.incident.Incident;
import dev.upbeat.incident.IncidentUpdate;
import dev.upbeat.status.StatusRollup;
import dev.upbeat.subscription.Links;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Turns an incident update, with the components as they are in the same transaction, into an {@link EventBody}. */
final class EventFactory {
    private final Links links;
    private final String pageId;

    EventFactory(Links links) {
        this.links = links;
        this.pageId = pageId(links.page());
    }

    EventBody body(Incident i, IncidentUpdate latest, List<Component> all) {
        Map<String, Component> byId = all.stream().collect(Collectors.toMap(Component::id, Function.identity()));
        ComponentStatus overall = StatusRollup.overall(all.stream().map(Component::status).toList());
        StatuspageWebhookBody.Page page = new StatuspageWebhookBody.Page(pageId, StatusRollup.indicator(overall), StatusRollup.describe(overall));
        String url = links.incident(i.kind().wire(), i.id());
        List<StatuspageWebhookBody.Update> updates = i.updates().stream()
                .sorted(Comparator.comparing(IncidentUpdate::displayAt).thenComparing(IncidentUpdate::id).reversed())
                .map(u -> update(i, u, byId)).toList();
        List<StatuspageWebhookBody.ComponentRef> refs = i.components().stream()
                .map(a -> byId.get(a.componentId())).filter(c -> c != null)
                .map(c -> new StatuspageWebhookBody.ComponentRef(c.id(), c.name(), c.status().wire(), c.createdAt())).toList();
        StatuspageWebhookBody.IncidentObject incident = new StatuspageWebhookBody.IncidentObject(Long.toString(i.id()), i.title(), i.status().wire(),
                i.impact().wire(), i.createdAt(), i.updatedAt(), i.monitoringAt(), i.resolvedAt(), i.startedAt(), url, pageId,
                i.scheduledFor(), i.scheduledUntil(), updates, refs);
        return new EventBody(i.kind().wire(), i.id(), i.title(), i.status().wire(), i.impact().wire(), latest.message(),
                refs.stream().map(StatuspageWebhookBody.ComponentRef::name).toList(), url, latest.createdAt(), page, incident);
    }

    private static StatuspageWebhookBody.Update update(Incident i, IncidentUpdate u, Map<String, Component> byId) {
        List<StatuspageWebhookBody.Affected> affected = u.changes().stream().map(c -> affected(c, byId)).toList();
        return new StatuspageWebhookBody.Update(Long.toString(u.id()), u.status().wire(), u.message(), Long.toString(i.id()),
                u.createdAt(), u.createdAt(), u.displayAt(), affected.isEmpty() ? null : affected, u.notifySubscribers(),
                null, null);
    }

    private static StatuspageWebhookBody.Affected affected(ComponentChange c, Map<String, Component> byId) {
        Component component = byId.get(c.componentId());
        return new StatuspageWebhookBody.Affected(c.componentId(), component == null ? c.componentId() : component.name(),
                c.oldStatus().wire(), c.newStatus().wire());
    }

    /** A stable 12-character page id derived from the page's address, as Statuspage ids look. */
    static String pageId(String baseUrl) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(baseUrl.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
