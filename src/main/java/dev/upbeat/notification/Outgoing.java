package dev.upbeat.notification;

import dev.upbeat.subscription.Subscriber;

/** One claimed delivery ready to send; {@code event} is null for an opt-in confirmation. */
public record Outgoing(long deliveryId, int attempt, Subscriber subscriber, NotificationEvent event) {
    public boolean isConfirmation() {
        return event == null;
    }
}
