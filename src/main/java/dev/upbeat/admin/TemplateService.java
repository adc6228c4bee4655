package dev.upbeat.admin;

import dev.upbeat.incident.Impact;
import dev.upbeat.problem.Check;
import dev.upbeat.storage.Database;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Saved incident texts ("Database failover", "Upstream provider down") to open an incident from
 * in seconds. Saving under an existing name replaces that template.
 */
public final class TemplateService {
    private final Database db;
    private final TemplateRepository templates;
    private final Clock clock;

    public TemplateService(Database db, TemplateRepository templates, Clock clock) {
        this.db = db;
        this.templates = templates;
        this.clock = clock;
    }

    public void save(String name, String title, String message, String impact) {
        String n = Check.text("template_name", name, 100);
        String t = Check.text("title", title, 200);
        String m = Check.text("message", message, 20_000);
        String i = impact == null ? null : Check.oneOf("impact", impact, Impact::fromIncidentWire, Impact.INCIDENT_VALUES).wire();
        db.useTransaction(tx -> templates.upsert(tx, UUID.randomUUID().toString(), n, t, m, i, clock.instant()));
    }

    public List<IncidentViews.TemplateChoice> list() {
        return db.read(templates::all);
    }
}
