package dev.upbeat.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.upbeat.advisory.OwnerNotices;
import dev.upbeat.component.ComponentRepository;
import dev.upbeat.component.Ownership;
import dev.upbeat.incident.AffectedComponent;
import dev.upbeat.incident.Incident;
import dev.upbeat.incident.IncidentStatus;
import dev.upbeat.incident.IncidentUpdate;
import dev.upbeat.incident.UpdateListener;
import dev.upbeat.json.Json;
import dev.upbeat.storage.Tx;
import dev.upbeat.subscription.ConfirmationOutbox;
import dev.upbeat.subscription.Links;
import dev.upbeat.subscription.Subscriber;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The transactional outbox. For each incident or maintenance update that notifies, it records
 * the event and one pending delivery per matching confirmed subscriber, in the transaction of the
 * update itself: the update and its deliveries commit together or not at all, and the delivery
 * workers find them even after a crash. Opt-in confirmations are queued the same way.
 */
public final class Outbox implements UpdateListener, ConfirmationOutbox, OwnerNotices {
    private final DeliveryRepository deliveries;
    private final ComponentRepository components;
    private final EventFactory events;
    private final java.time.Clock clock;

    public Outbox(DeliveryRepository deliveries, ComponentRepository components, Links links, java.time.Clock clock) {
        this.clock = clock;
        this.deliveries = deliveries;
        this.components = components;
        this.events = new EventFactory(links);
    }

    @Override
    public void recorded(Tx tx, IncidentStatus previous, Incident incident, IncidentUpdate update) {
        if (!update.notifySubscribers()) {
            return;
        }
        EventKind kind = EventKind.of(previous, incident);
        EventBody body = events.body(incident, update, components.all(tx));
        long eventId = deliveries.insertEvent(tx, update.id(), incident.id(), kind, incident.title(), write(body), update.createdAt());
        List<String> affected = incident.components().stream().map(AffectedComponent::componentId).toList();
        deliveries.fanOut(tx, eventId, affected, update.createdAt());
    }

    @Override
    public void confirmationDue(Tx tx, Subscriber subscriber) {
        deliveries.enqueueConfirmation(tx, subscriber.id(), subscriber.channel().wire(), subscriber.confirmIssuedAt());
    }

    /** Owner notices go to the owner's contact on the subscriber channel of the same name. */
    @Override
    public boolean queue(Tx tx, String key, Ownership owner, String subject, String text) {
        if (owner.channel() == null || owner.address() == null) {
            return false;
        }
        return deliveries.enqueueNotice(tx, key, owner.channel().wire(), owner.address(), subject, text, clock.instant());
    }

    static String write(EventBody body) {
        try {
            return Json.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An event body is always serialisable", e);
        }
    }

    static EventBody read(String json) {
        try {
            return Json.mapper().readValue(json, EventBody.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Stored event body is not readable", e);
        }
    }
}
