package dev.upbeat.subscription;

import java.time.Instant;
import java.util.List;

/** A subscriber as admins see it: the secret is never shown, only whether one is set. */
public record SubscriberView(String id, String channel, String address, String status, boolean allComponents,
                             List<String> components, boolean hasSecret, Instant confirmedAt, Instant createdAt) {

    public static SubscriberView of(Subscriber s) {
        return new SubscriberView(s.id(), s.channel().wire(), s.address(), s.confirmed() ? "confirmed" : "pending",
                s.allComponents(), s.components(), s.secret() != null, s.confirmedAt(), s.createdAt());
    }
}
