package dev.upbeat.probe;

import dev.upbeat.component.ComponentService;
import dev.upbeat.component.ComponentStatus;
import dev.upbeat.incident.Incident;
import dev.upbeat.incident.IncidentDraft;
import dev.upbeat.incident.IncidentService;
import dev.upbeat.incident.IncidentStatus;
import dev.upbeat.incident.UpdateDraft;
import dev.upbeat.storage.Database;
import dev.upbeat.storage.Tx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores a result and moves the probe's streak and auto-incident, all in one transaction under
 * the probe's row lock: with several instances, results of one probe are recorded one at a time
 * and an incident is opened or resolved once.
 */
public final class ResultRecorder {
    private static final Logger log = LoggerFactory.getLogger(ResultRecorder.class);

    private final Database db;
    private final ProbeRepository probes;
    private final ResultRepository results;
    private final ComponentService components;
    private final IncidentService incidents;
    private final IncidentTemplate template;
    private final Duration minStateChange;
    private final Clock clock;
    private final Runnable onChange;

    public ResultRecorder(Database db, ProbeRepository probes, ResultRepository results, ComponentService components,
                          IncidentService incidents,
                          IncidentTemplate template, Duration minStateChange, Clock clock, Runnable onChange) {
        this.db = db;
        this.probes = probes;
        this.results = results;
        this.components = components;
        this.incidents = incidents;
        this.template = template;
        this.minStateChange = minStateChange;
        this.clock = clock;
        this.onChange = onChange;
    }

    /**
     * Records one result of the run of {@code claimed} claimed at {@code claimedAt}, and schedules its
     * next run one interval after the claim; returns the action taken on its auto-incident.
     */
    public AutoIncidentRule.Action record(Probe claimed, Instant claimedAt, CheckResult r) {
        AutoIncidentRule.Action action = db.inTransaction(tx -> {
            probes.scheduleNext(tx, claimed.id(), claimedAt.plus(claimed.claimLease()), claimedAt.plus(claimed.interval()));
            return probes.lock(tx, claimed.id()).map(p -> record(tx, p, r)).orElse(AutoIncidentRule.Action.NONE);
        });
        if (action != AutoIncidentRule.Action.NONE) {
            onChange.run();
        }
        return action;
    }

    private AutoIncidentRule.Action record(Tx tx, Probe p, CheckResult r) {
        boolean maintenance = probes.inMaintenance(tx, p.componentId());
        results.insert(tx, StoredResult.builder().probeId(p.id()).checkedAt(r.checkedAt()).ok(r.ok()).inMaintenance(maintenance)
                .latencyMs(r.latency().toMillis()).coveredMs(p.interval().toMillis()).error(r.error()).build());
        var now = clock.instant();
        Streak streak = p.streak().after(r.ok());
        if (streak.incidentId() != null && !probes.incidentOpen(tx, streak.incidentId())) {
            // Someone resolved it by hand: the probe starts afresh, counting from now, so it neither
            // reopens at the next failure nor before the minimum time between changes.
            streak = new Streak(0, 0, null, now);
        }
        AutoIncidentRule.Action action = AutoIncidentRule.decide(p.policy(), streak, now, minStateChange, maintenance);
        switch (action) {
            case OPEN -> streak = streak.opened(open(tx, p, streak, r).id(), now);
            case RESOLVE -> {
                resolve(tx, p, streak);
                streak = streak.closed(now);
            }
            case NONE -> { }
        }
        if (action != AutoIncidentRule.Action.NONE) {
            tx.announce();
        }
        probes.saveStreak(tx, p.id(), streak);
        return action;
    }

    private Incident open(Tx tx, Probe p, Streak s, CheckResult r) {
        Map<String, String> values = values(tx, p, s, r.error());
        Incident i = incidents.open(tx, IncidentDraft.builder()
                .title(IncidentTemplate.fill(template.title(), values)).status(IncidentStatus.INVESTIGATING.wire())
                .message(IncidentTemplate.fill(template.message(), values))
                .components(Map.of(p.componentId(), ComponentStatus.MAJOR_OUTAGE.wire())).build());
        log.warn("Probe {} failed {} times in a row; opened incident {} on {}", p.name(), s.failures(), i.id(), p.componentId());
        return i;
    }

    private void resolve(Tx tx, Probe p, Streak s) {
        incidents.postUpdate(tx, s.incidentId(), new UpdateDraft(IncidentStatus.RESOLVED.wire(),
                IncidentTemplate.fill(template.resolveMessage(), values(tx, p, s, null)), null, null));
        log.info("Probe {} succeeded {} times in a row; resolved incident {}", p.name(), s.successes(), s.incidentId());
    }

    private Map<String, String> values(Tx tx, Probe p, Streak s, String error) {
        return Map.of("probe", p.name(), "component", components.require(tx, p.componentId()).name(), "failures", Integer.toString(s.failures()),
                "successes", Integer.toString(s.successes()), "error", error == null ? "" : error);
    }
}
