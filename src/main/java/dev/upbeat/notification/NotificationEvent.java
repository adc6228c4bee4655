package dev.upbeat.notification;

/** One event that notifies subscribers: one incident or maintenance update. */
public record NotificationEvent(long id, long updateId, EventKind kind, EventBody body) {
}
