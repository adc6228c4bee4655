package dev.upbeat.simulator;

import dev.upbeat.problem.Problem;
import dev.upbeat.simulator.tcp.Toxic;
import dev.upbeat.storage.Database;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Simulations on a schedule. Each due occurrence is claimed (the schedule moved to its next
 * time, under a row lock) and its run recorded in one transaction, so with several instances only
 * one starts it, and none can claim it and die before it is a run. An occurrence missed while Upbeat was down still runs for what is left of
 * it; one whose window has passed, or that finds the target busy, is skipped, never stacked.
 */
public final class ScheduleService {
    private static final Logger log = LoggerFactory.getLogger(ScheduleService.class);

    private final Database db;
    private final SimulatorRepository repo;
    private final SimulatorService simulations;
    private final Clock clock;

    public ScheduleService(Database db, SimulatorRepository repo, SimulatorService simulations, Clock clock) {
        this.db = db;
        this.repo = repo;
        this.simulations = simulations;
        this.clock = clock;
    }

    public Schedule create(String target, String cron, String timeZone, Duration duration, List<Fault> faults) {
        return create(target, cron, timeZone, duration, faults, List.of());
    }

    /** A schedule of faults (http target) or toxics (tcp target). */
    public Schedule create(String target, String cron, String timeZone, Duration duration, List<Fault> faults, List<Toxic> toxics) {
        Effects.check(simulations.target(target), faults, toxics);
        Cron parsed = Cron.parse("cron", cron);
        ZoneId zone = zone(timeZone);
        SimulatorService.checkDuration(duration);
        Instant now = clock.instant();
        Instant first = parsed.next(now, zone);
        Schedule schedule = Schedule.builder().target(target).cron(parsed).timeZone(zone).duration(duration).faults(faults)
                .toxics(toxics).nextAt(first).createdAt(now).build();
        long id = db.inTransaction(tx -> repo.insertSchedule(tx, schedule));
        return find(id);
    }

    public List<Schedule> list() {
        return db.read(repo::schedules);
    }

    public Schedule find(long id) {
        return list().stream().filter(s -> s.id() == id).findFirst().orElseThrow(() -> Problem.notFound("schedule", id));
    }

    public void delete(long id) {
        if (!db.inTransaction(tx -> repo.deleteSchedule(tx, id))) {
            throw Problem.notFound("schedule", id);
        }
    }

    /**
     * Starts the occurrences that are due; returns the runs started. Each occurrence is claimed and
     * its run recorded in the same transaction, so no instance can die holding a claimed occurrence
     * that never became a run: once committed, the run is followed by every instance, and ended as
     * interrupted if its instance dies (its {@link Lease} lapses), like any other run.
     */
    public List<Run> runDue() {
        Instant now = clock.instant();
        List<Run> recorded = db.inTransaction(tx -> {
            List<Run> runs = new ArrayList<>();
            for (Schedule s : repo.dueSchedules(tx, now)) {
                Instant end = s.nextAt().plus(s.duration());
                Instant after = (end.isAfter(now) ? end : now).minusMillis(1);
                repo.moveSchedule(tx, s.id(), s.cron().next(after, s.timeZone()));
                if (!end.isAfter(now)) {
                    log.warn("Schedule {} missed its run at {} (window over); next one is later", s.id(), s.nextAt());
                    continue;
                }
                try {
                    // Refused before anything is written, so the claim of the others still commits.
                    runs.add(simulations.record(tx, s.target(), s.faults(), s.toxics(), now, end, RunOrigin.SCHEDULE, s.id()));
                } catch (Problem e) {
                    log.warn("Schedule {} skipped its run on {}: {}", s.id(), s.target(), e.getMessage());
                }
            }
            return runs;
        });
        return recorded.stream().map(simulations::activate).toList();
    }

    private static ZoneId zone(String timeZone) {
        try {
            return ZoneId.of(timeZone == null ? "" : timeZone);
        } catch (DateTimeException e) {
            throw Problem.invalid("time_zone", "time_zone must be an IANA zone such as Europe/Paris; got '" + timeZone + "'");
        }
    }
}
