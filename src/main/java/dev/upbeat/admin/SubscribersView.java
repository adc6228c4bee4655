package dev.upbeat.admin;

import java.util.List;

/** Subscribers (searchable) and the delivery log: events with counts per status, and one event's deliveries. */
public record SubscribersView(Chrome chrome, String query, int total, List<SubscriberItem> subscribers, List<EventItem> events,
                              long eventId, List<DeliveryItem> deliveries, Form form) {

    public record SubscriberItem(String id, String channel, String address, boolean confirmed, String components, String created) {
    }

    public record EventItem(long id, String title, String kind, String created, int pending, int sent, int dead) {
    }

    public record DeliveryItem(long id, String channel, String address, String status, int attempts, String lastError) {
    }
}
