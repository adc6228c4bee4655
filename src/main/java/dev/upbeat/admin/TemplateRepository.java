package dev.upbeat.admin;

import dev.upbeat.storage.Tx;
import java.time.Instant;
import java.util.List;

/** Incident templates by name. */
public final class TemplateRepository {

    public void upsert(Tx tx, String id, String name, String title, String message, String impact, Instant at) {
        tx.handle().createUpdate("DELETE FROM incident_templates WHERE name = :name").bind("name", name).execute();
        tx.handle().createUpdate("""
                INSERT INTO incident_templates (id, name, title, message, impact, created_at)
                VALUES (:id, :name, :title, :message, :impact, :at)""")
                .bind("id", id).bind("name", name).bind("title", title).bind("message", message).bind("impact", impact)
                .bind("at", at).execute();
    }

    public List<IncidentViews.TemplateChoice> all(Tx tx) {
        return tx.handle().createQuery("SELECT * FROM incident_templates ORDER BY name")
                .map((rs, ctx) -> new IncidentViews.TemplateChoice(rs.getString("id"), rs.getString("name"), rs.getString("title"),
                        rs.getString("message"), rs.getString("impact")))
                .list();
    }
}
