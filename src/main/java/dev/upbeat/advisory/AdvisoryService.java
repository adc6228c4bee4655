package dev.upbeat.advisory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.upbeat.inventory.Purls;
import dev.upbeat.problem.Check;
import dev.upbeat.problem.Problem;
import dev.upbeat.storage.Database;
import java.time.Clock;
import java.time.Instant;
import dev.upbeat.component.Component;
import dev.upbeat.component.ComponentRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
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
    static final int MAX_REASON = 2000;

    private final ActionRepository actions;
    private final ActionItems items;
    private final ComponentRepository components;
    private final Runnable afterChange;
    private final Clock clock;

    /** {@code afterChange} runs after each commit that may have queued owner notices (it wakes the delivery workers). */
    public AdvisoryService(Database db, AdvisoryRepository advisories, Triage triage, ActionRepository actions, ActionItems items,
                           ComponentRepository components, Clock clock, Runnable afterChange) {
        this.actions = actions;
        this.items = items;
        this.components = components;
        this.afterChange = afterChange;
        this.db = db;
        this.advisories = advisories;
        this.triage = triage;
        this.clock = clock;
    }

    /** An import's result: the advisory and whether it is new. */
    public record Imported(Advisory advisory, boolean created) {
    }

    public Advisory create(AdvisoryDraft draft, String actor) {
        Advisory checked = checked(0, draft, null, List.of(), 1, clock.instant(), clock.instant());
        Advisory created = db.inTransaction(tx -> {
            Advisory stored = checked.withId(advisories.insert(tx, checked));
            triage.run(tx, stored, actor);
            return stored;
        });
        afterChange.run();
        return created;
    }

    /** Replaces what the advisory says (the details lifted, the range is known); triage follows. */
    public Advisory update(long id, AdvisoryDraft draft, String actor) {
        Advisory updated = db.inTransaction(tx -> {
            Advisory old = advisories.lock(tx, id).orElseThrow(() -> Problem.notFound("advisory", id));
            Advisory changed = checked(id, draft, old.osvId(), old.aliases(), old.revision() + 1, old.createdAt(), clock.instant());
            advisories.update(tx, changed);
            triage.run(tx, changed, actor);
            return changed;
        });
        afterChange.run();
        return updated;
    }

    public Imported importOsv(JsonNode record, String severity, String actor) {
        OsvRecord.Imported osv = OsvRecord.read(record, severity);
        Imported imported = db.inTransaction(tx -> {
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
            triage.run(tx, a, actor);
            return new Imported(a, existing.isEmpty());
        });
        afterChange.run();
        return imported;
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

    /** Everything the response board shows for one advisory, read together. */
    public ResponseBoard board(long id) {
        return db.inTransaction(tx -> {
            Advisory a = advisories.lock(tx, id).orElseThrow(() -> Problem.notFound("advisory", id));
            Map<String, Component> byId = new HashMap<>();
            components.all(tx).forEach(c -> byId.put(c.id(), c));
            return new ResponseBoard(a, triage.read(tx, a), actions.forAdvisory(tx, id), byId);
        });
    }

    /** The advisory's action items, by component id. */
    public List<ActionItem> actions(long id) {
        return db.read(tx -> {
            advisories.find(tx, id).orElseThrow(() -> Problem.notFound("advisory", id));
            return actions.forAdvisory(tx, id);
        });
    }

    /** A change to an action item: any part may be absent (null) and is then left as it was. */
    public record ActionChange(String state, String reason, Instant dueAt) {
    }

    /**
     * Moves an action item: any unfinished state to any other; a finished one only back to
     * {@code open}. {@code wont_fix} needs a reason; finishing records who and when.
     */
    public ActionItem changeAction(long advisoryId, long actionId, ActionChange change, String actor) {
        ActionState to = change.state() == null ? null
                : Check.oneOf("state", change.state(), ActionState::fromWire, ActionState.allowedValues());
        String reason = Check.optionalText("reason", change.reason(), MAX_REASON);
        return db.inTransaction(tx -> {
            ActionItem item = actions.lock(tx, advisoryId, actionId).orElseThrow(() -> Problem.notFound("action item", actionId));
            Instant now = clock.instant();
            ActionItem next = change.dueAt() == null ? item : item.due(change.dueAt(), true, now);
            if (to != null && to != item.state()) {
                if (item.state().finished() && to != ActionState.OPEN) {
                    throw Problem.invalid("state", "A " + item.state().wire() + " action item can only be reopened (state open); got "
                            + to.wire());
                }
                if (to == ActionState.WONT_FIX && (reason == null || reason.isEmpty())) {
                    throw Problem.invalid("reason", "wont_fix needs a reason: say why the component will not be fixed");
                }
                next = next.with(to, to == ActionState.WONT_FIX ? reason : null, actor, now);
            } else if (reason != null && item.state() == ActionState.WONT_FIX) {
                next = next.with(item.state(), reason.isEmpty() ? item.reason() : reason, item.doneBy(), now);
            }
            actions.update(tx, next);
            return next;
        });
    }

    /** Queues the reminders owed now (see {@link ActionItems}); answers how many. Safe to run on every instance. */
    public int remindOwners() {
        int queued = db.inTransaction(tx -> items.remind(tx, id -> components.find(tx, id), id -> advisories.find(tx, id)));
        if (queued > 0) {
            afterChange.run();
        }
        return queued;
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
