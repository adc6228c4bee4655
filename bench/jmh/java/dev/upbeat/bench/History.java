package dev.upbeat.bench;

import dev.upbeat.app.AdjustableClock;
import dev.upbeat.app.Upbeat;
import dev.upbeat.config.ConfigLoader;
import dev.upbeat.config.DatabaseUrl;
import dev.upbeat.testing.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * A status page with a long past: 100 components in 10 groups, each watched by a probe checking
 * once a minute, and {@code days} of history behind them: about three incidents a week (one to
 * three components, four updates each) and two maintenance windows a month, the status intervals
 * and daily uptime roll-ups they leave, the probes' daily roll-ups for the whole span (retention
 * raised to keep them), their hourly ones for 90 days (the default retention) and two days of raw
 * results, one a minute.
 * Written straight into the tables, so seeding three years takes seconds, not three years.
 */
public final class History implements AutoCloseable {
    public static final int COMPONENTS = 100;
    private static final int GROUPS = 10;
    /** Raw results kept: the snapshot reads only those of the last hour, not yet rolled up. */
    private static final int RAW_DAYS = 2;
    /** The default UPBEAT_PROBE_HOURLY_RETENTION; older hours live on in the daily roll-ups. */
    private static final Duration HOURLY_KEPT = Duration.ofDays(90);
    private static final String[] UPDATES = {"investigating", "identified", "monitoring", "resolved"};

    private final Upbeat upbeat;
    /** The settings {@link #upbeat} was made with, for {@link #another}. */
    private final Map<String, String> env;
    private final Random random = new Random(18);
    private final Instant now;
    private long nextUpdateId = 1;

    private History(Map<String, String> env) {
        this.env = env;
        this.upbeat = new Upbeat(new ConfigLoader(env).load(), AdjustableClock.system());
        this.now = Instant.now();
    }

    /** A second Upbeat on the same database, which has read nothing yet: its first rebuild reads everything. */
    public Upbeat another() {
        return new Upbeat(new ConfigLoader(env).load(), AdjustableClock.system());
    }

    /** An Upbeat (not serving: no timers, no probe runs) on a fresh database of {@code database} ("sqlite" or "postgresql"). */
    public static History seed(String database, int days) {
        String url = database.equals("postgresql") ? TestDatabases.postgresql() : TestDatabases.sqlite();
        Map<String, String> env = new HashMap<>(Map.of("PORT", "0", "UPBEAT_HOST", "127.0.0.1", "DATABASE_URL", url,
                "UPBEAT_LOG_LEVEL", "WARN", "UPBEAT_PROBE_DAILY_RETENTION", "P1200D"));
        History h = new History(env);
        h.write(days);
        return h;
    }

    public Upbeat upbeat() {
        return upbeat;
    }

    private void write(int days) {
        Instant from = now.minus(Duration.ofDays(days)).truncatedTo(ChronoUnit.DAYS);
        upbeat.database().useTransaction(tx -> {
            Handle h = tx.handle();
            components(h, from);
            incidents(h, from);
            uptime(h, from);
            probes(h, from);
        });
        settle();
        upbeat.snapshots().rebuild();
    }

    /**
     * Brings the freshly written tables to the state a database in service is in: planner
     * statistics gathered and, on PostgreSQL, the visibility map set (VACUUM ANALYZE), as
     * autovacuum does some time after a bulk write. Left to autovacuum, one history of a run could
     * be read with fresh statistics and the other without, and their difference be the daemon's
     * timing rather than the history's length.
     */
    private void settle() {
        DatabaseUrl url = upbeat.database().url();
        try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
             Statement s = c.createStatement()) {
            s.execute(url.kind() == DatabaseUrl.Kind.POSTGRESQL ? "VACUUM ANALYZE" : "ANALYZE");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not settle the seeded database", e);
        }
    }

    /** Ten groups of ten, each component operational since {@code from} but for its incidents. */
    private void components(Handle h, Instant from) {
        PreparedBatch groups = h.prepareBatch("""
                INSERT INTO component_groups (id, name, position, created_at, updated_at) VALUES (:id, :id, :n, :at, :at)""");
        PreparedBatch components = h.prepareBatch("""
                INSERT INTO components (id, name, group_id, position, manual_status, status, created_at, updated_at)
                VALUES (:id, :name, :g, :n, 'operational', 'operational', :at, :at)""");
        PreparedBatch open = h.prepareBatch(
                "INSERT INTO status_intervals (component_id, status, started_at) VALUES (:c, 'operational', :at)");
        for (int g = 0; g < GROUPS; g++) {
            groups.bind("id", "group-" + g).bind("n", g).bind("at", from.toEpochMilli()).add();
            for (int c = 0; c < COMPONENTS / GROUPS; c++) {
                int n = g * (COMPONENTS / GROUPS) + c;
                components.bind("id", "svc-" + n).bind("name", "Service " + n).bind("g", "group-" + g).bind("n", n)
                        .bind("at", from.toEpochMilli()).add();
                open.bind("c", "svc-" + n).bind("at", now.minus(Duration.ofHours(1)).toEpochMilli()).add();
            }
        }
        groups.execute();
        components.execute();
        open.execute();
    }

    private void incidents(Handle h, Instant from) {
        PreparedBatch incidents = h.prepareBatch("""
                INSERT INTO incidents (id, kind, title, impact, status, started_at, created_at, updated_at, resolved_at,
                    scheduled_for, scheduled_until, time_zone, auto_start, auto_complete)
                VALUES (:id, :kind, :title, :impact, :status, :start, :start, :end, :resolved, :for, :until, NULL, :yes, :yes)""");
        PreparedBatch affected = h.prepareBatch(
                "INSERT INTO incident_components (incident_id, component_id, status) VALUES (:i, :c, :s)");
        PreparedBatch updates = h.prepareBatch("""
                INSERT INTO incident_updates (id, incident_id, status, message, notify, created_at, display_at)
                VALUES (:id, :i, :s, :m, :yes, :at, :at)""");
        PreparedBatch changes = h.prepareBatch("""
                INSERT INTO incident_update_components (update_id, component_id, old_status, new_status)
                VALUES (:u, :c, :o, :n)""");
        PreparedBatch intervals = h.prepareBatch(
                "INSERT INTO status_intervals (component_id, status, started_at, ended_at) VALUES (:c, :s, :start, :end)");
        long id = 1;
        for (Instant at = from; at.isBefore(now.minus(Duration.ofHours(16))); at = at.plus(Duration.ofHours(56))) {
            Instant start = at.plus(Duration.ofMinutes(random.nextInt(600)));
            Instant end = start.plus(Duration.ofMinutes(30 + random.nextInt(150)));
            boolean maintenance = id % 7 == 0;
            String kind = maintenance ? "maintenance" : "incident";
            String status = maintenance ? "completed" : "resolved";
            String hold = maintenance ? "under_maintenance" : random.nextBoolean() ? "partial_outage" : "major_outage";
            incidents.bind("id", id).bind("kind", kind).bind("title", "Elevated errors on the API, episode " + id)
                    .bind("impact", maintenance ? "maintenance" : "major").bind("status", status)
                    .bind("start", start.toEpochMilli()).bind("end", end.toEpochMilli())
                    .bind("resolved", maintenance ? null : end.toEpochMilli())
                    .bind("for", maintenance ? start.toEpochMilli() : null).bind("until", maintenance ? end.toEpochMilli() : null)
                    .bind("yes", true).add();
            List<String> hit = random.ints(1 + random.nextInt(3), 0, COMPONENTS).distinct().mapToObj(n -> "svc-" + n).toList();
            long incident = id;
            for (String c : hit) {
                affected.bind("i", incident).bind("c", c).bind("s", hold).add();
                intervals.bind("c", c).bind("s", hold).bind("start", start.toEpochMilli()).bind("end", end.toEpochMilli()).add();
            }
            String[] steps = maintenance ? new String[] {"scheduled", "in_progress", "verifying", "completed"} : UPDATES;
            for (int u = 0; u < steps.length; u++) {
                long updateId = nextUpdateId++;
                Instant when = start.plus(Duration.between(start, end).multipliedBy(u).dividedBy(steps.length - 1));
                updates.bind("id", updateId).bind("i", id).bind("s", steps[u]).bind("yes", true).bind("at", when.toEpochMilli())
                        .bind("m", "We are looking into elevated error rates for requests to the API. Update " + u
                                + ": engineers have narrowed the cause and are applying a fix; more within the hour.").add();
                if (u == 0 || u == steps.length - 1) {
                    for (String c : hit) {
                        changes.bind("u", updateId).bind("c", c).bind("o", u == 0 ? "operational" : hold)
                                .bind("n", u == 0 ? hold : "operational").add();
                    }
                }
            }
            id++;
        }
        incidents.execute();
        affected.execute();
        updates.execute();
        changes.execute();
        intervals.execute();
    }

    /** Whole days operational but for a few minutes, as the daily roll-up job leaves them. */
    private void uptime(Handle h, Instant from) {
        PreparedBatch batch = h.prepareBatch("""
                INSERT INTO daily_uptime (component_id, day, operational_seconds, maintenance_seconds, degraded_seconds,
                    partial_seconds, major_seconds) VALUES (:c, :d, :op, 0, 0, :pa, 0)""");
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        for (int c = 0; c < COMPONENTS; c++) {
            for (LocalDate d = LocalDate.ofInstant(from, ZoneOffset.UTC); d.isBefore(today); d = d.plusDays(1)) {
                int partial = random.nextInt(20) == 0 ? 600 + random.nextInt(3000) : 0;
                batch.bind("c", "svc-" + c).bind("d", d.toString()).bind("op", 86_400 - partial).bind("pa", partial).add();
            }
        }
        batch.execute();
    }

    private void probes(Handle h, Instant from) {
        Instant rolled = now.truncatedTo(ChronoUnit.HOURS);
        PreparedBatch probes = h.prepareBatch("""
                INSERT INTO probes (id, name, url, method, headers, expected_status, interval_ms, timeout_ms, component_id,
                    auto_incident, failures_to_open, successes_to_resolve, created_at, updated_at, next_run_at, rolled_until)
                VALUES (:id, :id, 'http://127.0.0.1:9/health', 'GET', '{}', '[200]', 60000, 5000, :c, :no, 3, 2, :from, :from,
                    :never, :rolled)""");
        for (int c = 0; c < COMPONENTS; c++) {
            probes.bind("id", "probe-" + c).bind("c", "svc-" + c).bind("no", false).bind("from", from.toEpochMilli())
                    .bind("never", now.plus(Duration.ofDays(3650)).toEpochMilli()).bind("rolled", rolled.toEpochMilli()).add();
        }
        probes.execute();
        PreparedBatch rollups = h.prepareBatch("""
                INSERT INTO probe_rollups (probe_id, bucket, start_at, day, checks, successes, up_seconds, down_seconds,
                    maintenance_seconds, p50_ms, p95_ms, p99_ms) VALUES (:p, :b, :s, :d, :n, :n, :up, 0, 0, 42, 120, 310)""");
        for (int c = 0; c < COMPONENTS; c++) {
            for (Instant hour = from; hour.isBefore(rolled); hour = hour.plus(Duration.ofHours(1))) {
                if (hour.isAfter(now.minus(HOURLY_KEPT))) {
                    rollups.bind("p", "probe-" + c).bind("b", "hour").bind("s", hour.toEpochMilli()).bind("d", (String) null)
                            .bind("n", 60).bind("up", 3600).add();
                }
                if (hour.atZone(ZoneOffset.UTC).getHour() == 0 && hour.plus(Duration.ofDays(1)).isBefore(rolled)) {
                    rollups.bind("p", "probe-" + c).bind("b", "day").bind("s", hour.toEpochMilli())
                            .bind("d", LocalDate.ofInstant(hour, ZoneOffset.UTC).toString()).bind("n", 1440).bind("up", 86_400).add();
                }
            }
            if (rollups.size() > 20_000) {
                rollups.execute();
            }
        }
        rollups.execute();
        PreparedBatch raw = h.prepareBatch("""
                INSERT INTO probe_results (probe_id, checked_at, ok, in_maintenance, latency_ms, covered_ms, error)
                VALUES (:p, :at, :yes, :no, :ms, 60000, NULL)""");
        Instant rawFrom = later(from, now.minus(Duration.ofDays(RAW_DAYS)));
        for (int c = 0; c < COMPONENTS; c++) {
            for (Instant at = rawFrom; at.isBefore(now); at = at.plus(Duration.ofMinutes(1))) {
                raw.bind("p", "probe-" + c).bind("at", at.toEpochMilli()).bind("yes", true).bind("no", false)
                        .bind("ms", 30 + random.nextInt(40)).add();
            }
            if (raw.size() > 20_000) {
                raw.execute();
            }
        }
        raw.execute();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    @Override
    public void close() {
        upbeat.close();
    }
}
