package dev.upbeat.audit;

import dev.upbeat.storage.EpochMillis;
import dev.upbeat.storage.Tx;
import java.time.Instant;
import java.util.List;

/** The audit log table: append and read, never change. */
public final class AuditRepository {

    public void append(Tx tx, Instant at, String actor, String action, String subject, String detail) {
        tx.handle().createUpdate("""
                INSERT INTO audit_log (at, actor, action, subject, detail) VALUES (:at, :actor, :action, :subject, :detail)""")
                .bind("at", at).bind("actor", actor).bind("action", action).bind("subject", subject)
                .bind("detail", detail).execute();
    }

    /** Newest first. */
    public List<AuditEntry> latest(Tx tx, int limit) {
        return tx.handle().createQuery("SELECT * FROM audit_log ORDER BY id DESC LIMIT :limit").bind("limit", limit)
                .map((rs, ctx) -> new AuditEntry(rs.getLong("id"), EpochMillis.instant(rs, "at"), rs.getString("actor"),
                        rs.getString("action"), rs.getString("subject"), rs.getString("detail")))
                .list();
    }
}
