package dev.upbeat.probe;

import dev.upbeat.component.Slug;
import dev.upbeat.problem.Problem;
import dev.upbeat.storage.Database;
import dev.upbeat.storage.Tx;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Creating, changing, listing and removing probes. Each write is one transaction and is
 * announced to {@code onChange} after commit, since a probe changes what the page shows.
 */
public final class ProbeService {
    private final Database db;
    private final ProbeRepository probes;
    private final ResultRepository results;
    private final ComponentCheck components;
    private final Clock clock;
    private final Runnable onChange;

    /** Whether a component exists, asked inside the probe's transaction. */
    @FunctionalInterface
    public interface ComponentCheck {
        boolean exists(Tx tx, String componentId);
    }

    public ProbeService(Database db, ProbeRepository probes, ResultRepository results, ComponentCheck components, Clock clock, Runnable onChange) {
        this.db = db;
        this.probes = probes;
        this.results = results;
        this.components = components;
        this.clock = clock;
        this.onChange = onChange;
    }

    public Probe create(ProbeDraft draft) {
        ProbeRules.Checked c = ProbeRules.check(draft, null);
        Probe created = db.inChange(tx -> {
            requireComponent(tx, c.componentId());
            if (probes.nameTaken(tx, c.name(), null)) {
                throw Problem.conflict("A probe named '" + c.name() + "' already exists");
            }
            Instant now = clock.instant();
            String id = Slug.unique(c.name(), candidate -> probes.find(tx, candidate).isPresent());
            Probe p = new Probe(id, c.name(), c.check(), c.interval(), c.componentId(), c.policy(), Streak.NONE, now, now);
            probes.insert(tx, p, now);
            return p;
        });
        onChange.run();
        return created;
    }

    public Probe update(String id, ProbeDraft draft) {
        Probe updated = db.inChange(tx -> {
            Probe old = probes.lock(tx, id).orElseThrow(() -> Problem.notFound("probe", id));
            ProbeRules.Checked c = ProbeRules.check(draft, old);
            requireComponent(tx, c.componentId());
            if (probes.nameTaken(tx, c.name(), id)) {
                throw Problem.conflict("A probe named '" + c.name() + "' already exists");
            }
            Probe p = new Probe(id, c.name(), c.check(), c.interval(), c.componentId(), c.policy(), old.streak(),
                    old.createdAt(), clock.instant());
            probes.update(tx, p);
            return p;
        });
        onChange.run();
        return updated;
    }

    /** Removes the probe with its results; an auto-incident it opened stays for people to resolve. */
    public void delete(String id) {
        db.useChange(tx -> {
            probes.lock(tx, id).orElseThrow(() -> Problem.notFound("probe", id));
            probes.delete(tx, id);
        });
        onChange.run();
    }

    public List<Probe> list() {
        return db.read(probes::all);
    }

    public Probe get(String id) {
        return db.read(tx -> probes.find(tx, id)).orElseThrow(() -> Problem.notFound("probe", id));
    }

    /** The newest {@code limit} results, newest first. */
    public List<StoredResult> latestResults(String id, int limit) {
        return db.read(tx -> {
            probes.find(tx, id).orElseThrow(() -> Problem.notFound("probe", id));
            return results.latest(tx, id, limit);
        });
    }

    /** Creates the probe, or changes the one with the same name: for probes declared in a file. */
    public Probe declare(ProbeDraft draft) {
        String name = draft.name() == null ? "" : draft.name().strip();
        return list().stream().filter(p -> p.name().equals(name)).findFirst()
                .map(existing -> update(existing.id(), draft)).orElseGet(() -> create(draft));
    }

    private void requireComponent(Tx tx, String componentId) {
        if (!components.exists(tx, componentId)) {
            throw Problem.invalid("component", "component must be the id of an existing component; no component '" + componentId + "'");
        }
    }
}
