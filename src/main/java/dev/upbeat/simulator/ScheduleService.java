package dev.upbeat.simulator;

import dev.upbeat.problem.Problem;
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
 * time) in one transaction, so with several instances only one starts it; the run is started
 * after that commit. An occurrence missed while Upbeat was down still runs for what is left of
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
        simulations.target(target);
        Cron parsed = Cron.parse("cron", cron);
        ZoneId zone = zone(timeZone);
        SimulatorService.checkDuration(duration);
        Instant now = clock.instant();
        Instant first = parsed.next(now, zone);
        Schedule schedule = Schedule.builder().target(target).cron(parsed).timeZone(zone).duration(duration).faults(faults)
                .nextAt(first).createdAt(now).build();
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

    /** Starts the occurrences that are due; returns the runs started. */
    public List<Run> runDue() {
        Instant now = clock.instant();
        List<Occurrence> claimed = db.inTransaction(tx -> {
            List<Occurrence> due = new ArrayList<>();
            for (Schedule s : repo.dueSchedules(tx, now)) {
                Instant end = s.nextAt().plus(s.duration());
                Instant after = (end.isAfter(now) ? end : now).minusMillis(1);
                repo.moveSchedule(tx, s.id(), s.cron().next(after, s.timeZone()));
                if (end.isAfter(now)) {
                    due.add(new Occurrence(s, Duration.between(now, end)));
                } else {
                    log.warn("Schedule {} missed its run at {} (window over); next one is later", s.id(), s.nextAt());
                }
            }
            return due;
        });
        List<Run> started = new ArrayList<>();
        for (Occurrence o : claimed) {
            try {
                started.add(simulations.start(o.schedule().target(), o.schedule().faults(), o.left(), RunOrigin.SCHEDULE, o.schedule().id()));
            } catch (Problem e) {
                log.warn("Schedule {} skipped its run on {}: {}", o.schedule().id(), o.schedule().target(), e.getMessage());
            }
        }
        return started;
    }

    private record Occurrence(Schedule schedule, Duration left) {
    }

    private static ZoneId zone(String timeZone) {
        try {
            return ZoneId.of(timeZone == null ? "" : timeZone);
        } catch (DateTimeException e) {
            throw Problem.invalid("time_zone", "time_zone must be an IANA zone such as Europe/Paris; got '" + timeZone + "'");
        }
    }
}
