package dev.upbeat.demo;

import dev.upbeat.app.AdjustableClock;
import dev.upbeat.app.Upbeat;
import dev.upbeat.component.ComponentDraft;
import dev.upbeat.incident.Incident;
import dev.upbeat.incident.IncidentDraft;
import dev.upbeat.incident.MaintenanceDraft;
import dev.upbeat.incident.UpdateDraft;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Fills an empty database with a believable status page: three groups of components, 90 days
 * of past incidents lived through in order (so uptime history is real, not faked), one ongoing
 * incident with several updates, and an upcoming maintenance. Seeded, so every demo looks alike.
 */
public final class SampleData {
    private static final List<String[]> COMPONENTS = List.of(
            new String[] {"Apps", "Web Dynos", "Runs customer web processes"},
            new String[] {"Apps", "Routing", "Routes HTTP traffic to dynos"},
            new String[] {"Apps", "Scheduler", "Runs scheduled jobs"},
            new String[] {"Data", "Postgres", "Managed PostgreSQL databases"},
            new String[] {"Data", "Key-Value Store", "Managed key-value store"},
            new String[] {"Data", "Kafka", "Managed event streaming"},
            new String[] {"Tools", "Dashboard", "The web dashboard"},
            new String[] {"Tools", "Platform API", "The public REST API"},
            new String[] {"Tools", "CLI", "The command-line client"},
            new String[] {"Tools", "Builds", "Builds and releases"});

    private static final String[][] PAST = {
            {"Elevated error rates", "We are seeing elevated 5xx error rates.", "A faulty deploy was rolled back."},
            {"Slow dashboard loads", "Some dashboard pages are loading slowly.", "A slow database query was fixed."},
            {"Delayed builds", "Builds are queueing longer than usual.", "Build capacity was added."},
            {"Database connectivity issues", "Some databases are refusing new connections.", "A network partition healed."},
            {"API latency", "Platform API requests are slower than normal.", "A cache node was replaced."},
            {"Scheduler jobs delayed", "Scheduled jobs are starting late.", "The scheduler backlog has drained."},
    };

    private final Upbeat upbeat;
    private final AdjustableClock clock;
    private final Random random = new Random(20121015);

    public SampleData(Upbeat upbeat, AdjustableClock clock) {
        this.upbeat = upbeat;
        this.clock = clock;
    }

    /** True when there is nothing yet: no components and no incidents. */
    public boolean databaseIsEmpty() {
        var s = upbeat.snapshots().rebuild();
        return s.components().isEmpty() && s.incidents().isEmpty() && s.maintenances().isEmpty();
    }

    /** Writes the sample data, living through 90 days; leaves the clock at real time. */
    public void load() {
        Instant now = clock.instant();
        Instant start = now.minus(Duration.ofDays(91)).truncatedTo(ChronoUnit.HOURS);
        try {
            clock.set(start);
            for (String[] c : COMPONENTS) {
                upbeat.components().create(ComponentDraft.builder().name(c[1]).group(c[0]).description(c[2])
                        .onlyShowIfDegraded(false).build());
            }
            Instant t = start.plus(Duration.ofHours(30));
            while (t.isBefore(now.minus(Duration.ofDays(2)))) {
                pastIncident(t);
                t = t.plus(Duration.ofHours(60 + random.nextInt(120)));
            }
            clock.set(now.minus(Duration.ofMinutes(72)));
            ongoingIncident(now);
        } finally {
            clock.reset();
        }
        upcomingMaintenance(now);
    }

    private void pastIncident(Instant at) {
        clock.set(at);
        String[] story = PAST[random.nextInt(PAST.length)];
        String component = pick();
        String severity = List.of("degraded_performance", "partial_outage", "major_outage").get(random.nextInt(3));
        Incident i = upbeat.incidents().open(IncidentDraft.builder().title(story[0]).status("investigating")
                .message(story[1]).components(Map.of(component, severity)).notifySubscribers(false).build());
        clock.advance(Duration.ofMinutes(5 + random.nextInt(40)));
        upbeat.incidents().postUpdate(i.id(), new UpdateDraft("identified", "We have identified the cause and are working on a fix.", null, false));
        clock.advance(Duration.ofMinutes(10 + random.nextInt(180)));
        upbeat.incidents().postUpdate(i.id(), new UpdateDraft("monitoring", "A fix is in place; we are monitoring.",
                Map.of(component, "operational"), false));
        clock.advance(Duration.ofMinutes(15 + random.nextInt(60)));
        upbeat.incidents().resolve(i.id(), story[2], false);
    }

    private void ongoingIncident(Instant now) {
        Incident i = upbeat.incidents().open(IncidentDraft.builder()
                .title("Elevated router errors in the EU region").status("investigating").impact("major")
                .message("We are investigating elevated **H12 request timeout** errors for apps in the EU region.")
                .components(Map.of("routing", "partial_outage", "web-dynos", "degraded_performance"))
                .notifySubscribers(false).build());
        clock.advance(Duration.ofMinutes(25));
        upbeat.incidents().postUpdate(i.id(), new UpdateDraft("identified",
                "The cause is a misbehaving load balancer pool. Engineers are draining it.", null, false));
        clock.advance(Duration.ofMinutes(30));
        upbeat.incidents().postUpdate(i.id(), new UpdateDraft("identified",
                "Error rates are falling as traffic moves to healthy routers. Some apps still see timeouts.",
                Map.of("routing", "degraded_performance"), false));
    }

    private void upcomingMaintenance(Instant now) {
        var zone = upbeat.config().timeZone();
        LocalDateTime from = LocalDateTime.ofInstant(now, zone).plusDays(3).withHour(2).truncatedTo(ChronoUnit.HOURS);
        upbeat.maintenances().schedule(MaintenanceDraft.builder().title("Postgres minor version upgrades")
                .message("We will apply minor version upgrades to managed Postgres. Expect a few seconds of connection resets.")
                .components(List.of("postgres")).scheduledFor(from.toString()).scheduledUntil(from.plusHours(2).toString())
                .timeZone(zone.getId()).autoStart(true).autoComplete(true).notifySubscribers(false).build());
    }

    private String pick() {
        return upbeat.snapshots().current().components().get(random.nextInt(COMPONENTS.size())).id();
    }
}
