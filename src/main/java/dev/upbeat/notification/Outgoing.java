package dev.upbeat.notification;

import dev.upbeat.subscription.Subscriber;

/**
 * One claimed delivery ready to send: to a subscriber ({@code event} null for an opt-in
 * confirmation), or an owner notice ({@code subscriber} and {@code event} null).
 */
public record Outgoing(long deliveryId, int attempt, Subscriber subscriber, NotificationEvent event, OwnerNotice notice) {
    public Outgoing(long deliveryId, int attempt, Subscriber subscriber, NotificationEvent event) {
        this(deliveryId, attempt, subscriber, event, null);
    }

    public boolean isConfirmation() {
        return event == null && notice == null;
    }

    public boolean isNotice() {
        return notice != null;
    }

    /** Where it goes: the subscriber's address or the owner's contact. */
    public String address() {
        return notice != null ? notice.address() : subscriber.address();
    }
}
