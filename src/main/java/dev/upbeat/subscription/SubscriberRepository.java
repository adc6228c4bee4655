package dev.upbeat.subscription;

import dev.upbeat.storage.EpochMillis;
import dev.upbeat.storage.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Subscribers and their component filters. */
public final class SubscriberRepository {

    public void insert(Tx tx, Subscriber s) {
        tx.handle().createUpdate("""
                INSERT INTO subscribers (id, channel, address, secret, all_components, confirmed_at, confirm_issued_at,
                    confirm_failures, created_at)
                VALUES (:id, :channel, :address, :secret, :all, :confirmedAt, :issuedAt, :failures, :createdAt)""")
                .bind("id", s.id()).bind("channel", s.channel().wire()).bind("address", s.address()).bind("secret", s.secret())
                .bind("all", s.allComponents()).bindByType("confirmedAt", s.confirmedAt(), Instant.class)
                .bindByType("issuedAt", s.confirmIssuedAt(), Instant.class).bind("failures", s.confirmFailures())
                .bindByType("createdAt", s.createdAt(), Instant.class).execute();
        putComponents(tx, s.id(), s.components());
    }

    /** Rewrites everything but id, channel, address and creation time. */
    public void update(Tx tx, Subscriber s) {
        tx.handle().createUpdate("""
                UPDATE subscribers SET secret = :secret, all_components = :all, confirmed_at = :confirmedAt,
                    confirm_issued_at = :issuedAt, confirm_failures = :failures WHERE id = :id""")
                .bind("id", s.id()).bind("secret", s.secret()).bind("all", s.allComponents())
                .bindByType("confirmedAt", s.confirmedAt(), Instant.class).bindByType("issuedAt", s.confirmIssuedAt(), Instant.class)
                .bind("failures", s.confirmFailures()).execute();
        tx.handle().createUpdate("DELETE FROM subscriber_components WHERE subscriber_id = :id").bind("id", s.id()).execute();
        putComponents(tx, s.id(), s.components());
    }

    private static void putComponents(Tx tx, String id, List<String> components) {
        for (String c : components) {
            tx.handle().createUpdate("INSERT INTO subscriber_components (subscriber_id, component_id) VALUES (:s, :c)")
                    .bind("s", id).bind("c", c).execute();
        }
    }

    public boolean delete(Tx tx, String id) {
        return tx.handle().createUpdate("DELETE FROM subscribers WHERE id = :id").bind("id", id).execute() > 0;
    }

    public Optional<Subscriber> find(Tx tx, String id) {
        return load(tx, "WHERE id = :p", id, 1, 0).stream().findFirst();
    }

    /** The subscribers with these ids that still exist. */
    public List<Subscriber> findAll(Tx tx, java.util.Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return tx.handle().createQuery("SELECT * FROM subscribers WHERE id IN (<ids>)").bindList("ids", List.copyOf(ids))
                .map((rs, ctx) -> map(rs)).list();
    }

    /** Locks the row until commit, so two requests for one address cannot both act on it. */
    public Optional<Subscriber> lockByAddress(Tx tx, Channel channel, String address) {
        Optional<String> id = tx.handle().createQuery("SELECT id FROM subscribers WHERE channel = :c AND address = :a"
                        + tx.dialect().rowLock())
                .bind("c", channel.wire()).bind("a", address).mapTo(String.class).findOne();
        return id.flatMap(i -> find(tx, i));
    }

    /** Subscribers whose address contains {@code query} (any when null), of one channel (any when null). */
    public List<Subscriber> search(Tx tx, String query, Channel channel, int limit, int offset) {
        String where = "WHERE LOWER(address) LIKE :p" + (channel == null ? "" : " AND channel = '" + channel.wire() + "'");
        return load(tx, where, "%" + (query == null ? "" : query.toLowerCase(java.util.Locale.ROOT)) + "%", limit, offset);
    }

    public int count(Tx tx, String query, Channel channel) {
        return tx.handle().createQuery("SELECT COUNT(*) FROM subscribers WHERE LOWER(address) LIKE :p"
                        + (channel == null ? "" : " AND channel = '" + channel.wire() + "'"))
                .bind("p", "%" + (query == null ? "" : query.toLowerCase(java.util.Locale.ROOT)) + "%").mapTo(Integer.class).one();
    }

    /** Per channel: [confirmed, pending]. */
    public Map<String, int[]> countsByChannel(Tx tx) {
        Map<String, int[]> counts = new HashMap<>();
        tx.handle().createQuery("""
                SELECT channel, SUM(CASE WHEN confirmed_at IS NULL THEN 0 ELSE 1 END) AS confirmed,
                       SUM(CASE WHEN confirmed_at IS NULL THEN 1 ELSE 0 END) AS pending
                FROM subscribers GROUP BY channel""")
                .map((rs, ctx) -> counts.put(rs.getString("channel"), new int[] {rs.getInt("confirmed"), rs.getInt("pending")}))
                .list();
        return counts;
    }

    private List<Subscriber> load(Tx tx, String where, String param, int limit, int offset) {
        List<Subscriber> rows = tx.handle().createQuery("SELECT * FROM subscribers " + where
                        + " ORDER BY created_at, id LIMIT :limit OFFSET :offset")
                .bind("p", param).bind("limit", limit).bind("offset", offset)
                .map((rs, ctx) -> map(rs)).list();
        if (rows.isEmpty()) {
            return rows;
        }
        Map<String, List<String>> components = new HashMap<>();
        tx.handle().createQuery("SELECT * FROM subscriber_components WHERE subscriber_id IN (<ids>) ORDER BY component_id")
                .bindList("ids", rows.stream().map(Subscriber::id).toList())
                .map((rs, ctx) -> components.computeIfAbsent(rs.getString("subscriber_id"), k -> new ArrayList<>())
                        .add(rs.getString("component_id")))
                .list();
        return rows.stream().map(s -> withComponents(s, components.getOrDefault(s.id(), List.of()))).toList();
    }

    private static Subscriber withComponents(Subscriber s, List<String> components) {
        return new Subscriber(s.id(), s.channel(), s.address(), s.secret(), List.copyOf(components), s.confirmedAt(),
                s.confirmIssuedAt(), s.confirmFailures(), s.createdAt());
    }

    private static Subscriber map(ResultSet rs) throws SQLException {
        return new Subscriber(rs.getString("id"), Channel.fromWire(rs.getString("channel")).orElseThrow(),
                rs.getString("address"), rs.getString("secret"), List.of(), EpochMillis.instant(rs, "confirmed_at"),
                EpochMillis.instant(rs, "confirm_issued_at"), rs.getInt("confirm_failures"), EpochMillis.instant(rs, "created_at"));
    }


}
