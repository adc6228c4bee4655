package dev.upbeat.incident;

import dev.upbeat.storage.Tx;

/**
 * Hears of every update recorded on an incident or maintenance, inside the transaction that
 * records it, so that whatever it writes (the notification outbox) commits or rolls back with the
 * update. Implementations must only write through {@code tx} and must not call back into the
 * incident services.
 */
@FunctionalInterface
public interface UpdateListener {
    UpdateListener NONE = (tx, previous, incident, update) -> { };

    /**
     * @param previous the status before this update, or null when the update opens (or schedules) it
     * @param incident the incident after the update, its updates included
     * @param update   the update just recorded, with its id
     */
    void recorded(Tx tx, IncidentStatus previous, Incident incident, IncidentUpdate update);
}
