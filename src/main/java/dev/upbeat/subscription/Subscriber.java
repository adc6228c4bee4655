package dev.upbeat.subscription;

import java.time.Instant;
import java.util.List;

/**
 * Someone who hears about incidents and maintenance on one channel at one address. An empty
 * {@code components} means all components. {@code secret} (webhooks only) signs payloads and is
 * never shown by a read API; {@code toString} leaves it out too.
 */
public record Subscriber(
        String id,
        Channel channel,
        String address,
        String secret,
        List<String> components,
        Instant confirmedAt,
        Instant confirmIssuedAt,
        int confirmFailures,
        Instant createdAt) {

    public boolean confirmed() {
        return confirmedAt != null;
    }

    public boolean allComponents() {
        return components.isEmpty();
    }

    @Override
    public String toString() {
        return "Subscriber[" + id + ", " + channel.wire() + ", " + address + (secret == null ? "" : ", secret set") + "]";
    }
}
