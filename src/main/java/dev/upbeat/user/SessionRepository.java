package dev.upbeat.user;

import dev.upbeat.storage.EpochMillis;
import dev.upbeat.storage.Tx;
import java.time.Instant;
import java.util.Optional;

/** Sessions by the hash of their id, with the user they belong to. */
public final class SessionRepository {

    /** A stored session row joined with its user. */
    public record Row(String idHash, User user, Instant lastSeenAt, Instant expiresAt) {
    }

    public void insert(Tx tx, String idHash, String userId, Instant now, Instant expiresAt) {
        tx.handle().createUpdate("""
                INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at, expires_at)
                VALUES (:h, :u, :now, :now, :exp)""")
                .bind("h", idHash).bind("u", userId).bind("now", now).bind("exp", expiresAt).execute();
    }

    public Optional<Row> find(Tx tx, String idHash) {
        return tx.handle().createQuery("""
                SELECT s.id_hash, s.last_seen_at, s.expires_at, u.* FROM sessions s JOIN users u ON u.id = s.user_id
                WHERE s.id_hash = :h""")
                .bind("h", idHash)
                .map((rs, ctx) -> new Row(rs.getString("id_hash"), UserRepository.map(rs),
                        EpochMillis.instant(rs, "last_seen_at"), EpochMillis.instant(rs, "expires_at")))
                .findOne();
    }

    public void extend(Tx tx, String idHash, Instant now, Instant expiresAt) {
        tx.handle().createUpdate("UPDATE sessions SET last_seen_at = :now, expires_at = :exp WHERE id_hash = :h")
                .bind("h", idHash).bind("now", now).bind("exp", expiresAt).execute();
    }

    public void delete(Tx tx, String idHash) {
        tx.handle().createUpdate("DELETE FROM sessions WHERE id_hash = :h").bind("h", idHash).execute();
    }

    public void deleteForUser(Tx tx, String userId) {
        tx.handle().createUpdate("DELETE FROM sessions WHERE user_id = :u").bind("u", userId).execute();
    }

    public int deleteExpired(Tx tx, Instant now) {
        return tx.handle().createUpdate("DELETE FROM sessions WHERE expires_at <= :now").bind("now", now).execute();
    }
}
