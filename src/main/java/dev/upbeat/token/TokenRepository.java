package dev.upbeat.token;

import dev.upbeat.storage.EpochMillis;
import dev.upbeat.storage.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** API tokens by name and by hash. */
public final class TokenRepository {

    public void insert(Tx tx, ApiToken t) {
        tx.handle().createUpdate("""
                INSERT INTO api_tokens (id, name, token_hash, created_at) VALUES (:id, :name, :hash, :createdAt)""")
                .bind("id", t.id()).bind("name", t.name()).bind("hash", t.tokenHash())
                .bind("createdAt", t.createdAt()).execute();
    }

    public Optional<ApiToken> byHash(Tx tx, String hash) {
        return tx.handle().createQuery("SELECT * FROM api_tokens WHERE token_hash = :h")
                .bind("h", hash).map((rs, ctx) -> map(rs)).findOne();
    }

    public Optional<ApiToken> byName(Tx tx, String name) {
        return tx.handle().createQuery("SELECT * FROM api_tokens WHERE name = :n")
                .bind("n", name).map((rs, ctx) -> map(rs)).findOne();
    }

    public List<ApiToken> all(Tx tx) {
        return tx.handle().createQuery("SELECT * FROM api_tokens ORDER BY created_at, name")
                .map((rs, ctx) -> map(rs)).list();
    }

    public void revoke(Tx tx, String id, Instant at) {
        tx.handle().createUpdate("UPDATE api_tokens SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
                .bind("at", at).bind("id", id).execute();
    }

    public void touch(Tx tx, String id, Instant at) {
        tx.handle().createUpdate("UPDATE api_tokens SET last_used_at = :at WHERE id = :id")
                .bind("at", at).bind("id", id).execute();
    }

    private static ApiToken map(ResultSet rs) throws SQLException {
        return new ApiToken(rs.getString("id"), rs.getString("name"), rs.getString("token_hash"),
                EpochMillis.instant(rs, "created_at"), EpochMillis.instant(rs, "last_used_at"), EpochMillis.instant(rs, "revoked_at"));
    }

}
