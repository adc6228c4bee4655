package dev.upbeat.advisory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.upbeat.json.Json;
import dev.upbeat.storage.EpochMillis;
import dev.upbeat.storage.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An advisory's drafts and its public notice, in SQL shared by SQLite and PostgreSQL. */
public final class DraftRepository {
    private static final TypeReference<LinkedHashMap<String, String>> COMPONENTS = new TypeReference<>() {
    };

    public long insert(Tx tx, Draft d) {
        return tx.handle().createQuery("""
                INSERT INTO advisory_drafts (advisory_id, kind, title, message, status, impact, components, scheduled_for,
                    scheduled_until, notify_subscribers, post_at_disclosure, post_at, created_at, updated_at)
                VALUES (:advisory, :kind, :title, :message, :status, :impact, :components, :from, :until, :notify,
                    :atDisclosure, :postAt, :created, :updated)
                RETURNING id""")
                .bind("advisory", d.advisoryId()).bind("created", d.createdAt())
                .bindMap(fields(d)).mapTo(Long.class).one();
    }

    /** Replaces what an unposted draft says; a failed post's reason goes, so it can fall due again. */
    public void update(Tx tx, Draft d) {
        tx.handle().createUpdate("""
                UPDATE advisory_drafts SET kind = :kind, title = :title, message = :message, status = :status, impact = :impact,
                    components = :components, scheduled_for = :from, scheduled_until = :until, notify_subscribers = :notify,
                    post_at_disclosure = :atDisclosure, post_at = :postAt, post_error = NULL, updated_at = :updated
                WHERE id = :id AND posted_at IS NULL""")
                .bind("id", d.id()).bindMap(fields(d)).execute();
    }

    private static Map<String, Object> fields(Draft d) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("kind", d.kind().wire());
        f.put("title", d.title());
        f.put("message", d.message());
        f.put("status", d.status());
        f.put("impact", d.impact());
        f.put("components", json(d.components()));
        f.put("from", d.scheduledFor());
        f.put("until", d.scheduledUntil());
        f.put("notify", d.notifySubscribers());
        f.put("atDisclosure", d.postAtDisclosure());
        f.put("postAt", d.postAt());
        f.put("updated", d.updatedAt());
        return f;
    }

    public boolean delete(Tx tx, long advisoryId, long id) {
        return tx.handle().createUpdate("DELETE FROM advisory_drafts WHERE id = :id AND advisory_id = :a AND posted_at IS NULL")
                .bind("id", id).bind("a", advisoryId).execute() == 1;
    }

    /**
     * The claim: marks the draft posted only if no one has, so of several instances (or a person
     * and the schedule) exactly one goes on to post it. On PostgreSQL a second claimant waits for the
     * first's transaction and then finds the row taken; if the first rolls back, the draft is free again.
     */
    public boolean claim(Tx tx, long id, Instant at, String actor) {
        return tx.handle().createUpdate("""
                UPDATE advisory_drafts SET posted_at = :at, posted_by = :by WHERE id = :id AND posted_at IS NULL""")
                .bind("id", id).bind("at", at).bind("by", actor).execute() == 1;
    }

    public void recordPosted(Tx tx, long id, long incidentId) {
        tx.handle().createUpdate("UPDATE advisory_drafts SET incident_id = :i WHERE id = :id").bind("i", incidentId).bind("id", id)
                .execute();
    }

    /** A scheduled post the incident services refused: kept with the draft, which stops being due until edited. */
    public void recordFailure(Tx tx, long id, String reason) {
        tx.handle().createUpdate("UPDATE advisory_drafts SET post_error = :e WHERE id = :id AND posted_at IS NULL")
                .bind("e", reason).bind("id", id).execute();
    }

    public Optional<Draft> find(Tx tx, long advisoryId, long id) {
        return tx.handle().createQuery("SELECT * FROM advisory_drafts WHERE id = :id AND advisory_id = :a")
                .bind("id", id).bind("a", advisoryId).map((rs, ctx) -> map(rs)).findOne();
    }

    public List<Draft> forAdvisory(Tx tx, long advisoryId) {
        return tx.handle().createQuery("SELECT * FROM advisory_drafts WHERE advisory_id = :a ORDER BY id")
                .bind("a", advisoryId).map((rs, ctx) -> map(rs)).list();
    }

    /** Drafts due by {@code now} and not posted: at their own time, or at their advisory's disclosure. */
    public List<Draft> due(Tx tx, Instant now) {
        return tx.handle().createQuery("""
                SELECT d.* FROM advisory_drafts d JOIN advisories a ON a.id = d.advisory_id
                WHERE d.posted_at IS NULL AND d.post_error IS NULL
                  AND ((d.post_at IS NOT NULL AND d.post_at <= :now)
                    OR (d.post_at_disclosure = :yes AND a.disclosure_at IS NOT NULL AND a.disclosure_at <= :now))
                ORDER BY d.id""")
                .bind("now", now).bind("yes", true).map((rs, ctx) -> map(rs)).list();
    }

    public Optional<Notice> notice(Tx tx, long advisoryId) {
        return tx.handle().createQuery("SELECT id, notice, notice_published, notice_published_at FROM advisories WHERE id = :id")
                .bind("id", advisoryId).map((rs, ctx) -> notice(rs)).findOne();
    }

    public void saveNotice(Tx tx, Notice n) {
        tx.handle().createUpdate("""
                UPDATE advisories SET notice = :text, notice_published = :published, notice_published_at = :at WHERE id = :id""")
                .bind("id", n.advisoryId()).bind("text", n.text()).bind("published", n.published()).bind("at", n.publishedAt())
                .execute();
    }

    /** The notices the page shows, latest published first. */
    public List<Notice> published(Tx tx) {
        return tx.handle().createQuery("""
                SELECT id, notice, notice_published, notice_published_at FROM advisories
                WHERE notice_published = :yes AND notice IS NOT NULL ORDER BY notice_published_at DESC, id DESC""")
                .bind("yes", true).map((rs, ctx) -> notice(rs)).list();
    }

    private static Notice notice(ResultSet rs) throws SQLException {
        return new Notice(rs.getLong("id"), rs.getString("notice"), rs.getBoolean("notice_published"),
                EpochMillis.instant(rs, "notice_published_at"));
    }

    private static Draft map(ResultSet rs) throws SQLException {
        long incident = rs.getLong("incident_id");
        Long incidentId = rs.wasNull() ? null : incident;
        return new Draft(rs.getLong("id"), rs.getLong("advisory_id"), DraftKind.fromWire(rs.getString("kind")).orElseThrow(),
                rs.getString("title"), rs.getString("message"), rs.getString("status"), rs.getString("impact"),
                components(rs.getString("components")), EpochMillis.instant(rs, "scheduled_for"),
                EpochMillis.instant(rs, "scheduled_until"), rs.getBoolean("notify_subscribers"),
                rs.getBoolean("post_at_disclosure"), EpochMillis.instant(rs, "post_at"), rs.getString("post_error"),
                EpochMillis.instant(rs, "posted_at"), rs.getString("posted_by"), incidentId,
                EpochMillis.instant(rs, "created_at"), EpochMillis.instant(rs, "updated_at"));
    }

    private static String json(Map<String, String> components) {
        try {
            return Json.mapper().writeValueAsString(components);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A map of strings always serialises", e);
        }
    }

    private static Map<String, String> components(String json) {
        try {
            return Json.mapper().readValue(json, COMPONENTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored draft components are written by this repository", e);
        }
    }
}
