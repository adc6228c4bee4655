package dev.upbeat.notification;

import dev.upbeat.storage.Dialect;
import dev.upbeat.storage.Tx;
import java.time.Instant;
import java.util.List;

/**
 * The outbox: notification events and one delivery row per (subscriber, event). Rows are claimed
 * by pushing {@code next_attempt_at} past a short lease and naming the instance in
 * {@code claimed_by}, in the claiming transaction, with {@code SKIP LOCKED} on PostgreSQL, so each
 * row is sent by one worker of one instance at a time. The holder renews the lease while it works;
 * a claim whose instance died comes due again when its lease ends. Recording an outcome clears
 * {@code claimed_by}.
 */
public final class DeliveryRepository {

    /**
     * A claimed delivery: what to send to whom; {@code eventId} null for an opt-in confirmation;
     * {@code noticeId} set (and {@code subscriberId} null) for an owner notice.
     */
    public record Claim(long id, Long eventId, String subscriberId, Long noticeId, int attempts) {
    }

    /** Deliveries of one channel in one status, and when the oldest of them was queued. */
    public record Backlog(String channel, String status, long count, Instant oldest) {
    }

    /** Pending and dead deliveries by channel, for the outbox metrics; sent rows are history, not backlog. */
    public List<Backlog> backlog(Tx tx) {
        return tx.handle().createQuery("""
                SELECT channel, status, COUNT(*) AS count, MIN(created_at) AS oldest FROM deliveries
                WHERE status IN ('pending', 'dead') GROUP BY channel, status""")
                .map((rs, ctx) -> new Backlog(rs.getString("channel"), rs.getString("status"), rs.getLong("count"),
                        Instant.ofEpochMilli(rs.getLong("oldest"))))
                .list();
    }

    public long insertEvent(Tx tx, long updateId, long incidentId, EventKind kind, String title, String body, Instant at) {
        return tx.handle().createQuery("""
                INSERT INTO notification_events (update_id, incident_id, kind, title, body, created_at)
                VALUES (:u, :i, :k, :t, :b, :at) RETURNING id""")
                .bind("u", updateId).bind("i", incidentId).bind("k", kind.wire()).bind("t", title).bind("b", body)
                .bind("at", at).mapTo(Long.class).one();
    }

    /**
     * One pending delivery for each confirmed subscriber who hears about all components or about
     * one of {@code componentIds} (an event naming no component goes to everyone).
     */
    public int fanOut(Tx tx, long eventId, List<String> componentIds, Instant now) {
        String filter = componentIds.isEmpty() ? "" : " AND (s.all_components = :yes OR EXISTS (SELECT 1 FROM"
                + " subscriber_components sc WHERE sc.subscriber_id = s.id AND sc.component_id IN (<ids>)))";
        var update = tx.handle().createUpdate("""
                INSERT INTO deliveries (event_id, subscriber_id, channel, status, attempts, next_attempt_at, created_at)
                SELECT :e, s.id, s.channel, 'pending', 0, :now, :now FROM subscribers s
                WHERE s.confirmed_at IS NOT NULL""" + filter + " ON CONFLICT (subscriber_id, event_id) DO NOTHING")
                .bind("e", eventId).bind("now", now).bind("yes", true);
        if (!componentIds.isEmpty()) {
            update.bindList("ids", componentIds);
        }
        return update.execute();
    }

    public void enqueueConfirmation(Tx tx, String subscriberId, String channel, Instant now) {
        tx.handle().createUpdate("""
                INSERT INTO deliveries (event_id, subscriber_id, channel, status, attempts, next_attempt_at, created_at)
                VALUES (NULL, :s, :c, 'pending', 0, :now, :now)""")
                .bind("s", subscriberId).bind("c", channel).bind("now", now).execute();
    }

    /**
     * Queues an owner notice and its delivery, unless a notice with {@code key} was queued before
     * (on any instance: the key is unique). Returns whether it was queued now.
     */
    public boolean enqueueNotice(Tx tx, String key, String channel, String address, String subject, String text, Instant now) {
        java.util.Optional<Long> id = tx.handle().createQuery("""
                INSERT INTO owner_notices (notice_key, channel, address, subject, body, created_at)
                VALUES (:k, :c, :a, :s, :b, :now) ON CONFLICT (notice_key) DO NOTHING RETURNING id""")
                .bind("k", key).bind("c", channel).bind("a", address).bind("s", subject).bind("b", text).bind("now", now)
                .mapTo(Long.class).findOne();
        id.ifPresent(n -> tx.handle().createUpdate("""
                INSERT INTO deliveries (notice_id, channel, status, attempts, next_attempt_at, created_at)
                VALUES (:n, :c, 'pending', 0, :now, :now)""")
                .bind("n", n).bind("c", channel).bind("now", now).execute());
        return id.isPresent();
    }

    public java.util.Optional<OwnerNotice> findNotice(Tx tx, long id) {
        return tx.handle().createQuery("SELECT id, address, subject, body FROM owner_notices WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> new OwnerNotice(rs.getLong("id"), rs.getString("address"), rs.getString("subject"),
                        rs.getString("body")))
                .findOne();
    }

    /** Claims up to {@code max} due deliveries of one channel for {@code instance} until {@code leaseUntil}. */
    public List<Claim> claim(Tx tx, String channel, String instance, Instant now, Instant leaseUntil, int max) {
        if (tx.dialect() == Dialect.POSTGRESQL) {
            return claimInOneStatement(tx, channel, instance, now, leaseUntil, max);
        }
        List<Long> ids = tx.handle().createQuery(DUE + tx.dialect().claimLock())
                .bind("c", channel).bind("now", now).bind("n", max).mapTo(Long.class).list();
        if (ids.isEmpty()) {
            return List.of();
        }
        tx.handle().createUpdate(CLAIM + " WHERE id IN (<ids>)")
                .bind("lease", leaseUntil).bind("me", instance).bindList("ids", ids).execute();
        return tx.handle().createQuery("SELECT " + CLAIMED + " FROM deliveries WHERE id IN (<ids>) ORDER BY id")
                .bindList("ids", ids).map(DeliveryRepository::claimOf).list();
    }

    /**
     * The same claim as one statement: on PostgreSQL each statement is a round trip and a scan of
     * the due index, and under load the three statements were most of the database's work.
     */
    private static List<Claim> claimInOneStatement(Tx tx, String channel, String instance, Instant now, Instant leaseUntil,
            int max) {
        List<Claim> claimed = tx.handle().createQuery(CLAIM + " WHERE id IN (" + DUE + tx.dialect().claimLock()
                        + ") RETURNING " + CLAIMED)
                .bind("c", channel).bind("now", now).bind("n", max).bind("lease", leaseUntil).bind("me", instance)
                .map(DeliveryRepository::claimOf).list();
        return claimed.stream().sorted(java.util.Comparator.comparingLong(Claim::id)).toList();
    }

    private static final String DUE = """
            SELECT id FROM deliveries WHERE channel = :c AND status = 'pending' AND next_attempt_at <= :now
            ORDER BY next_attempt_at, id LIMIT :n""";
    private static final String CLAIM =
            "UPDATE deliveries SET attempts = attempts + 1, next_attempt_at = :lease, claimed_by = :me";
    private static final String CLAIMED = "id, event_id, subscriber_id, notice_id, attempts";

    private static Claim claimOf(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
            throws java.sql.SQLException {
        return new Claim(rs.getLong("id"), rs.getObject("event_id") == null ? null : rs.getLong("event_id"),
                rs.getString("subscriber_id"), rs.getObject("notice_id") == null ? null : rs.getLong("notice_id"),
                rs.getInt("attempts"));
    }

    /**
     * Extends {@code instance}'s claims on {@code ids} to {@code until}; rows it no longer holds
     * (recorded, or lapsed and taken over) are left alone. Returns how many were renewed.
     */
    public int renew(Tx tx, String instance, java.util.Collection<Long> ids, Instant until) {
        if (ids.isEmpty()) {
            return 0;
        }
        return tx.handle().createUpdate("UPDATE deliveries SET next_attempt_at = :until"
                        + " WHERE id IN (<ids>) AND claimed_by = :me AND status = 'pending'")
                .bind("until", until).bind("me", instance).bindList("ids", ids).execute();
    }

    /** Gives back {@code instance}'s claims on {@code ids}, never tried: due now, the claim's attempt not counted. */
    public void release(Tx tx, String instance, java.util.Collection<Long> ids, Instant now) {
        if (ids.isEmpty()) {
            return;
        }
        tx.handle().createUpdate("UPDATE deliveries SET next_attempt_at = :now, claimed_by = NULL, attempts = attempts - 1"
                        + " WHERE id IN (<ids>) AND claimed_by = :me AND status = 'pending'")
                .bind("now", now).bind("me", instance).bindList("ids", ids).execute();
    }

    public void markSent(Tx tx, long id, Instant at) {
        tx.handle().createUpdate("UPDATE deliveries SET status = 'sent', sent_at = :at, last_error = NULL, claimed_by = NULL"
                        + " WHERE id = :id AND status = 'pending'")
                .bind("id", id).bind("at", at).execute();
    }

    /**
     * Records a group of sends in one statement, all as sent at {@code at} (the group's last send:
     * a worker records its sends at the latest {@link Dispatcher#MARK_AFTER} after the first).
     */
    public void markSent(Tx tx, java.util.Collection<Long> ids, Instant at) {
        if (ids.isEmpty()) {
            return;
        }
        tx.handle().createUpdate("UPDATE deliveries SET status = 'sent', sent_at = :at, last_error = NULL, claimed_by = NULL"
                        + " WHERE id IN (<ids>) AND status = 'pending'")
                .bindList("ids", ids).bind("at", at).execute();
    }

    public void markFailed(Tx tx, long id, String error, Instant retryAt) {
        tx.handle().createUpdate("UPDATE deliveries SET last_error = :e, next_attempt_at = :at, claimed_by = NULL"
                        + " WHERE id = :id AND status = 'pending'")
                .bind("id", id).bind("e", error).bind("at", retryAt).execute();
    }

    public void markDead(Tx tx, long id, String error) {
        tx.handle().createUpdate("UPDATE deliveries SET status = 'dead', last_error = :e, claimed_by = NULL"
                        + " WHERE id = :id AND status = 'pending'")
                .bind("id", id).bind("e", error).execute();
    }

    /** Puts dead deliveries (of one event, or the one with {@code deliveryId}) back in the queue. */
    public int resendDead(Tx tx, Long eventId, Long deliveryId, Instant now) {
        String where = eventId != null ? "event_id = :k" : "id = :k";
        return tx.handle().createUpdate("UPDATE deliveries SET status = 'pending', attempts = 0, next_attempt_at = :now "
                        + "WHERE status = 'dead' AND " + where)
                .bind("now", now).bind("k", eventId != null ? eventId : deliveryId).execute();
    }

    public java.util.Optional<NotificationEvent> findEvent(Tx tx, long id, java.util.function.Function<String, EventBody> parse) {
        return tx.handle().createQuery("SELECT id, update_id, kind, body FROM notification_events WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> new NotificationEvent(rs.getLong("id"), rs.getLong("update_id"),
                        EventKind.valueOf(rs.getString("kind").toUpperCase(java.util.Locale.ROOT)), parse.apply(rs.getString("body"))))
                .findOne();
    }
}
