package dev.upbeat.notification;

import dev.upbeat.storage.EpochMillis;
import dev.upbeat.storage.Tx;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Read side of the outbox for admins: events with counts per status, and each delivery's attempts and last error. */
public final class DeliveryLogRepository {

    public record EventRow(long id, long incidentId, String kind, String title, Instant createdAt, Map<String, Integer> deliveries) {
    }

    public record DeliveryRow(long id, Long eventId, String subscriberId, String channel, String address, String status,
                              int attempts, String lastError, Instant nextAttemptAt, Instant sentAt, Instant createdAt) {
    }

    public List<EventRow> events(Tx tx, int limit, int offset) {
        List<EventRow> rows = tx.handle().createQuery("""
                SELECT id, incident_id, kind, title, created_at FROM notification_events
                ORDER BY id DESC LIMIT :limit OFFSET :offset""")
                .bind("limit", limit).bind("offset", offset)
                .map((rs, ctx) -> new EventRow(rs.getLong("id"), rs.getLong("incident_id"), rs.getString("kind"),
                        rs.getString("title"), EpochMillis.instant(rs, "created_at"), noDeliveries()))
                .list();
        if (!rows.isEmpty()) {
            Map<Long, EventRow> byId = new HashMap<>();
            rows.forEach(r -> byId.put(r.id(), r));
            tx.handle().createQuery("SELECT event_id, status, COUNT(*) AS n FROM deliveries WHERE event_id IN (<ids>) "
                            + "GROUP BY event_id, status")
                    .bindList("ids", List.copyOf(byId.keySet()))
                    .map((rs, ctx) -> byId.get(rs.getLong("event_id")).deliveries().put(rs.getString("status"), rs.getInt("n")))
                    .list();
        }
        return rows;
    }

    /** Every status a delivery can have, at zero, so an event without any still shows all three counts. */
    private static Map<String, Integer> noDeliveries() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String status : List.of("sent", "pending", "dead")) {
            counts.put(status, 0);
        }
        return counts;
    }

    /** Deliveries of one event (or, with a null event, opt-in confirmations), optionally of one status. */
    public List<DeliveryRow> deliveries(Tx tx, Long eventId, String status, int limit, int offset) {
        String where = (eventId == null ? "d.event_id IS NULL" : "d.event_id = :e") + (status == null ? "" : " AND d.status = :s");
        var q = tx.handle().createQuery("""
                SELECT d.*, s.address FROM deliveries d JOIN subscribers s ON s.id = d.subscriber_id
                WHERE\s""" + where + " ORDER BY d.id LIMIT :limit OFFSET :offset")
                .bind("limit", limit).bind("offset", offset);
        if (eventId != null) {
            q.bind("e", eventId);
        }
        if (status != null) {
            q.bind("s", status);
        }
        return q.map((rs, ctx) -> new DeliveryRow(rs.getLong("id"), rs.getObject("event_id") == null ? null : rs.getLong("event_id"),
                rs.getString("subscriber_id"), rs.getString("channel"), rs.getString("address"), rs.getString("status"),
                rs.getInt("attempts"), rs.getString("last_error"), EpochMillis.instant(rs, "next_attempt_at"),
                EpochMillis.instant(rs, "sent_at"), EpochMillis.instant(rs, "created_at"))).list();
    }

    public boolean eventExists(Tx tx, long id) {
        return tx.handle().createQuery("SELECT COUNT(*) FROM notification_events WHERE id = :id").bind("id", id)
                .mapTo(Integer.class).one() > 0;
    }

}
