package dev.upbeat.probe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.upbeat.json.Json;
import dev.upbeat.storage.EpochMillis;
import dev.upbeat.storage.Tx;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Probe definitions, their running state and their claims. A due probe is claimed by moving
 * {@code next_run_at} to the end of a short lease ({@link Probe#claimLease}) in the claiming
 * transaction ({@code SKIP LOCKED} on PostgreSQL), so each run happens on one instance however many
 * share the database; recording the result moves it on to one interval after the claim.
 */
public final class ProbeRepository {
    private static final String COLUMNS = "id, name, url, method, headers, expected_status, body_contains, json_path, json_equals,"
            + " max_latency_ms, min_cert_days, interval_ms, timeout_ms, component_id, auto_incident, failures_to_open,"
            + " successes_to_resolve, created_at, updated_at, failures, successes, incident_id, state_changed_at";

    public void insert(Tx tx, Probe p, Instant nextRunAt) {
        bind(tx.handle().createUpdate("""
                INSERT INTO probes (id, name, url, method, headers, expected_status, body_contains, json_path, json_equals,
                    max_latency_ms, min_cert_days, interval_ms, timeout_ms, component_id, auto_incident, failures_to_open,
                    successes_to_resolve, created_at, updated_at, next_run_at, rolled_until)
                VALUES (:id, :name, :url, :method, :headers, :expected, :contains, :path, :equals, :maxLatency, :certDays,
                    :interval, :timeout, :component, :auto, :failuresToOpen, :successesToResolve, :created, :updated, :next, :rolled)"""), p)
                .bind("next", nextRunAt).bind("rolled", p.createdAt()).execute();
    }

    /** Saves the definition; the running state is {@link #saveStreak}'s. */
    public void update(Tx tx, Probe p) {
        bind(tx.handle().createUpdate("""
                UPDATE probes SET name = :name, url = :url, method = :method, headers = :headers, expected_status = :expected,
                    body_contains = :contains, json_path = :path, json_equals = :equals, max_latency_ms = :maxLatency,
                    min_cert_days = :certDays, interval_ms = :interval, timeout_ms = :timeout, component_id = :component,
                    auto_incident = :auto, failures_to_open = :failuresToOpen, successes_to_resolve = :successesToResolve,
                    updated_at = :updated WHERE id = :id"""), p).execute();
    }

    private static <S extends SqlStatement<S>> S bind(S s, Probe p) {
        CheckSpec c = p.check();
        return s.bind("id", p.id()).bind("name", p.name()).bind("url", c.url().toString()).bind("method", c.method())
                .bind("headers", json(c.headers())).bind("expected", json(c.expectedStatus()))
                .bind("contains", c.bodyContains()).bind("path", c.jsonPath()).bind("equals", c.jsonEquals())
                .bind("maxLatency", c.maxLatency() == null ? null : c.maxLatency().toMillis()).bind("certDays", c.minCertDays())
                .bind("interval", p.interval().toMillis()).bind("timeout", c.timeout().toMillis()).bind("component", p.componentId())
                .bind("auto", p.policy().autoIncident()).bind("failuresToOpen", p.policy().failuresToOpen())
                .bind("successesToResolve", p.policy().successesToResolve())
                .bind("created", p.createdAt()).bind("updated", p.updatedAt());
    }

    public void saveStreak(Tx tx, String id, Streak s) {
        tx.handle().createUpdate("""
                UPDATE probes SET failures = :f, successes = :s, incident_id = :i, state_changed_at = :at WHERE id = :id""")
                .bind("id", id).bind("f", s.failures()).bind("s", s.successes()).bind("i", s.incidentId())
                .bindByType("at", s.stateChangedAt(), Instant.class).execute();
    }

    public void delete(Tx tx, String id) {
        tx.handle().createUpdate("DELETE FROM probes WHERE id = :id").bind("id", id).execute();
    }

    public List<Probe> all(Tx tx) {
        return tx.handle().createQuery("SELECT " + COLUMNS + " FROM probes ORDER BY name").map((rs, ctx) -> probe(rs)).list();
    }

    public Optional<Probe> find(Tx tx, String id) {
        return tx.handle().createQuery("SELECT " + COLUMNS + " FROM probes WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> probe(rs)).findOne();
    }

    /** Locks the row until commit, so results of one probe are recorded one at a time. */
    public Optional<Probe> lock(Tx tx, String id) {
        return tx.handle().createQuery("SELECT " + COLUMNS + " FROM probes WHERE id = :id" + tx.dialect().rowLock())
                .bind("id", id).map((rs, ctx) -> probe(rs)).findOne();
    }

    public boolean nameTaken(Tx tx, String name, String exceptId) {
        return tx.handle().createQuery("SELECT COUNT(*) FROM probes WHERE name = :n AND id <> :id")
                .bind("n", name).bind("id", exceptId == null ? "" : exceptId).mapTo(Integer.class).one() > 0;
    }

    /** Claims up to {@code max} due probes: each is held until {@code now} plus its claim lease, and returned. */
    public List<Probe> claimDue(Tx tx, Instant now, int max) {
        List<Probe> due = tx.handle().createQuery("SELECT " + COLUMNS + " FROM probes WHERE next_run_at <= :now"
                        + " ORDER BY next_run_at LIMIT :n" + tx.dialect().claimLock())
                .bind("now", now).bind("n", max).map((rs, ctx) -> probe(rs)).list();
        if (due.isEmpty()) {
            return List.of();
        }
        PreparedBatch hold = tx.handle().prepareBatch("UPDATE probes SET next_run_at = :until WHERE id = :id");
        due.forEach(p -> hold.bind("until", now.plus(p.claimLease())).bind("id", p.id()).add());
        hold.execute();
        return due;
    }

    /**
     * Ends a claim held until {@code heldUntil}: the next run at {@code next}. A claim that lapsed and
     * was taken over by another instance is that one's to move, so it is left alone.
     */
    public void scheduleNext(Tx tx, String id, Instant heldUntil, Instant next) {
        tx.handle().createUpdate("UPDATE probes SET next_run_at = :next WHERE id = :id AND next_run_at = :held")
                .bind("next", next).bind("id", id).bind("held", heldUntil).execute();
    }

    /** Whether maintenance in progress (or being verified) covers the component: auto-incidents hold off. */
    public boolean inMaintenance(Tx tx, String componentId) {
        return tx.handle().createQuery("""
                SELECT COUNT(*) FROM incidents i JOIN incident_components c ON c.incident_id = i.id
                WHERE i.kind = 'maintenance' AND i.status IN ('in_progress', 'verifying') AND c.component_id = :c""")
                .bind("c", componentId).mapTo(Integer.class).one() > 0;
    }

    /** Whether the incident is still open (not resolved or in postmortem). */
    public boolean incidentOpen(Tx tx, long incidentId) {
        return tx.handle().createQuery("SELECT COUNT(*) FROM incidents WHERE id = :i AND status NOT IN ('resolved', 'postmortem')")
                .bind("i", incidentId).mapTo(Integer.class).one() > 0;
    }

    private static Probe probe(ResultSet rs) throws SQLException {
        CheckSpec check = CheckSpec.builder().url(URI.create(rs.getString("url"))).method(rs.getString("method"))
                .headers(read(rs.getString("headers"), new TypeReference<Map<String, String>>() { }))
                .expectedStatus(read(rs.getString("expected_status"), new TypeReference<List<Integer>>() { }))
                .bodyContains(rs.getString("body_contains")).jsonPath(rs.getString("json_path"))
                .jsonEquals(rs.getString("json_equals"))
                .maxLatency(rs.getObject("max_latency_ms") == null ? null : Duration.ofMillis(rs.getLong("max_latency_ms")))
                .minCertDays(rs.getObject("min_cert_days") == null ? null : rs.getInt("min_cert_days"))
                .timeout(Duration.ofMillis(rs.getLong("timeout_ms"))).build();
        Streak streak = new Streak(rs.getInt("failures"), rs.getInt("successes"),
                rs.getObject("incident_id") == null ? null : rs.getLong("incident_id"),
                EpochMillis.instant(rs, "state_changed_at"));
        return new Probe(rs.getString("id"), rs.getString("name"), check, Duration.ofMillis(rs.getLong("interval_ms")),
                rs.getString("component_id"),
                new IncidentPolicy(rs.getBoolean("auto_incident"), rs.getInt("failures_to_open"), rs.getInt("successes_to_resolve")),
                streak, EpochMillis.instant(rs, "created_at"), EpochMillis.instant(rs, "updated_at"));
    }

    private static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(String text, TypeReference<T> type) {
        try {
            return Json.mapper().readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable probe column: " + text, e);
        }
    }
}
