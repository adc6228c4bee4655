package dev.upbeat.advisory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.upbeat.inventory.Purls;
import dev.upbeat.problem.Check;
import dev.upbeat.problem.Problem;
import dev.upbeat.storage.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The only way advisories change: entered by hand, replaced as the details lift, or imported from
 * an OSV record (a record with an id seen before updates that advisory). Each change and its
 * triage commit together.
 */
public final class AdvisoryService {
    static final int MAX_TITLE = 200;
    static final int MAX_SUMMARY = 20_000;
    static final int MAX_AFFECTED = 1000;

    private final Database db;
    private final AdvisoryRepository advisories;
    private final Triage triage;
    private final Clock clock;

    public AdvisoryService(Database db, AdvisoryRepository advisories, Triage triage, Clock clock) {
        this.db = db;
        this.advisories = advisories;
        this.triage = triage;
        this.clock = clock;
    }

    /** An import's result: the advisory and whether it is new. */
    public record Imported(Advisory advisory, boolean created) {
    }

    public Advisory create(AdvisoryDraft draft) {
        Advisory checked = checked(0, draft, null, List.of(), 1, clock.instant(), clock.instant());
        return db.inTransaction(tx -> {
            Advisory stored = checked.withId(advisories.insert(tx, checked));
            triage.run(tx, stored);
            return stored;
        });
    }

    /** Replaces what the advisory says (the details lifted, the range is known); triage follows. */
    public Advisory update(long id, AdvisoryDraft draft) {
        return db.inTransaction(tx -> {
            Advisory old = advisories.lock(tx, id).orElseThrow(() -> Problem.notFound("advisory", id));
            Advisory changed = checked(id, draft, old.osvId(), old.aliases(), old.revision() + 1, old.createdAt(), clock.instant());
            advisories.update(tx, changed);
            triage.run(tx, changed);
            return changed;
        });
    }

    public Imported importOsv(JsonNode record, String severity) {
        OsvRecord.Imported osv = OsvRecord.read(record, severity);
        return db.inTransaction(tx -> {
            var existing = advisories.idForOsv(tx, osv.osvId()).flatMap(id -> advisories.lock(tx, id));
            Instant now = clock.instant();
            Advisory a = existing.isPresent()
                    ? checked(existing.get().id(), osv.draft(), osv.osvId(), osv.aliases(), existing.get().revision() + 1,
                            existing.get().createdAt(), now)
                    : checked(0, osv.draft(), osv.osvId(), osv.aliases(), 1, now, now);
            if (existing.isPresent()) {
                advisories.update(tx, a);
            } else {
                a = a.withId(advisories.insert(tx, a));
            }
            triage.run(tx, a);
            return new Imported(a, existing.isEmpty());
        });
    }

    public Advisory get(long id) {
        return db.read(tx -> advisories.find(tx, id).orElseThrow(() -> Problem.notFound("advisory", id)));
    }

    public List<Advisory> list() {
        return db.read(advisories::all);
    }

    /** The triage, highest priority first; every component has a row. */
    public List<Triage.Ranked> exposure(long id) {
        return db.inTransaction(tx -> triage.read(tx, advisories.lock(tx, id).orElseThrow(() -> Problem.notFound("advisory", id))));
    }

    private static Advisory checked(long id, AdvisoryDraft d, String osvId, List<String> aliases, int revision,
                                    Instant createdAt, Instant updatedAt) {
        String title = Check.text("title", d.title(), MAX_TITLE);
        Severity severity = Check.oneOf("severity", d.severity(), Severity::fromWire, Severity.allowedValues());
        String summary = Check.optionalText("summary", d.summary(), MAX_SUMMARY);
        if (d.affected() == null || d.affected().isEmpty()) {
            throw Problem.invalid("affected", "affected must list at least one package: [{\"purl\":\"pkg:generic/openssl\"}]");
        }
        if (d.affected().size() > MAX_AFFECTED) {
            throw Problem.invalid("affected", "affected may list at most " + MAX_AFFECTED + " entries; got " + d.affected().size());
        }
        List<Affected> affected = new ArrayList<>();
        for (int i = 0; i < d.affected().size(); i++) {
            AdvisoryDraft.AffectedDraft a = d.affected().get(i);
            String at = "affected[" + i + "]";
            if (a == null) {
                throw Problem.invalid(at, at + " must be an object with a purl");
            }
            Purls.Parsed purl = Purls.parse(at + ".purl", a.purl());
            if (purl.version() != null) {
                throw Problem.invalid(at + ".purl", at + ".purl names a package, not a version: give the versions in vers ("
                        + "e.g. vers:generic/>=3.0.0|<3.0.7); got '" + a.purl() + "'");
            }
            String vers = a.vers() == null ? null : VersionRanges.check(at + ".vers", a.vers());
            affected.add(new Affected(purl.purl(), purl.id(), vers));
        }
        return new Advisory(id, title, severity, d.disclosureAt(), summary == null || summary.isEmpty() ? null : summary, osvId,
                aliases, affected, revision, createdAt, updatedAt);
    }
}
