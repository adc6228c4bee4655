package dev.upbeat.incident;

import dev.upbeat.component.ComponentStatus;
import dev.upbeat.storage.EpochMillis;
import dev.upbeat.storage.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Incidents and maintenance with their components and updates. Reads of many incidents load the
 * tables once each and join in memory, so a snapshot costs four queries. Every write here stamps
 * the incident with the change's number ({@code changed_seq}), so a snapshot can reload only the
 * incidents changed since its last read ({@link #changedSince}): a write to an incident's rows
 * anywhere else would go unseen until restart.
 */
public final class IncidentRepository {

    public long insert(Tx tx, Incident i) {
        long id = bindIncident(tx.handle().createQuery("""
                INSERT INTO incidents (kind, title, impact, status, postmortem, started_at, created_at, updated_at,
                    monitoring_at, resolved_at, scheduled_for, scheduled_until, time_zone, auto_start, auto_complete)
                VALUES (:kind, :title, :impact, :status, :postmortem, :startedAt, :createdAt, :updatedAt,
                    :monitoringAt, :resolvedAt, :scheduledFor, :scheduledUntil, :timeZone, :autoStart, :autoComplete)
                RETURNING id"""), i).mapTo(Long.class).one();
        stamp(tx, id);
        return id;
    }

    /** The change that commits this transaction is the version that first shows the incident as it now is. */
    private static void stamp(Tx tx, long incidentId) {
        tx.stampOnCommit("incident " + incidentId, version -> tx.handle()
                .createUpdate("UPDATE incidents SET changed_seq = :v WHERE id = :id")
                .bind("v", version).bind("id", incidentId).execute());
    }

    public void update(Tx tx, Incident i) {
        bindIncident(tx.handle().createUpdate("""
                UPDATE incidents SET title = :title, impact = :impact, status = :status, postmortem = :postmortem,
                    started_at = :startedAt, updated_at = :updatedAt, monitoring_at = :monitoringAt,
                    resolved_at = :resolvedAt, scheduled_for = :scheduledFor, scheduled_until = :scheduledUntil,
                    time_zone = :timeZone, auto_start = :autoStart, auto_complete = :autoComplete
                WHERE id = :id"""), i).bind("id", i.id()).execute();
        stamp(tx, i.id());
    }

    private static <S extends SqlStatement<S>> S bindIncident(S statement, Incident i) {
        return statement.bind("kind", i.kind().wire()).bind("title", i.title()).bind("impact", i.impact().wire())
                .bind("status", i.status().wire()).bind("postmortem", i.postmortem())
                .bindByType("startedAt", i.startedAt(), Instant.class).bindByType("createdAt", i.createdAt(), Instant.class)
                .bindByType("updatedAt", i.updatedAt(), Instant.class).bindByType("monitoringAt", i.monitoringAt(), Instant.class)
                .bindByType("resolvedAt", i.resolvedAt(), Instant.class).bindByType("scheduledFor", i.scheduledFor(), Instant.class)
                .bindByType("scheduledUntil", i.scheduledUntil(), Instant.class)
                .bind("timeZone", i.timeZone() == null ? null : i.timeZone().getId())
                .bind("autoStart", i.autoStart()).bind("autoComplete", i.autoComplete());
    }

    public void putComponent(Tx tx, long incidentId, AffectedComponent c) {
        tx.handle().createUpdate("""
                INSERT INTO incident_components (incident_id, component_id, status) VALUES (:i, :c, :s)
                ON CONFLICT (incident_id, component_id) DO UPDATE SET status = excluded.status""")
                .bind("i", incidentId).bind("c", c.componentId()).bind("s", c.status().wire()).execute();
        stamp(tx, incidentId);
    }

    public void removeComponents(Tx tx, long incidentId) {
        tx.handle().createUpdate("DELETE FROM incident_components WHERE incident_id = :i").bind("i", incidentId).execute();
        stamp(tx, incidentId);
    }

    public long insertUpdate(Tx tx, IncidentUpdate u) {
        long id = tx.handle().createQuery("""
                INSERT INTO incident_updates (incident_id, status, message, notify, created_at, display_at)
                VALUES (:i, :s, :m, :n, :c, :d) RETURNING id""")
                .bind("i", u.incidentId()).bind("s", u.status().wire()).bind("m", u.message())
                .bind("n", u.notifySubscribers()).bindByType("c", u.createdAt(), Instant.class).bindByType("d", u.displayAt(), Instant.class)
                .mapTo(Long.class).one();
        for (ComponentChange change : u.changes()) {
            tx.handle().createUpdate("""
                    INSERT INTO incident_update_components (update_id, component_id, old_status, new_status)
                    VALUES (:u, :c, :o, :n)""")
                    .bind("u", id).bind("c", change.componentId()).bind("o", change.oldStatus().wire())
                    .bind("n", change.newStatus().wire()).execute();
        }
        stamp(tx, u.incidentId());
        return id;
    }

    public Optional<Incident> find(Tx tx, long id) {
        return load(tx, "WHERE id = " + id, "WHERE incident_id = " + id).stream().findFirst();
    }

    /** Locks the row until commit so that two writers (or two instances) cannot both move it. */
    public Optional<Incident> lock(Tx tx, long id) {
        boolean exists = tx.handle().createQuery("SELECT id FROM incidents WHERE id = :id" + tx.dialect().rowLock())
                .bind("id", id).mapTo(Long.class).findOne().isPresent();
        return exists ? find(tx, id) : Optional.empty();
    }

    /** Every incident and maintenance, newest start first. */
    public List<Incident> all(Tx tx) {
        return load(tx, "", "");
    }

    /**
     * Incidents and maintenance changed by a change numbered above {@code version}, newest start
     * first: with the incidents a snapshot of {@code version} holds, all there is (none is ever deleted).
     */
    public List<Incident> changedSince(Tx tx, long version) {
        String changed = "SELECT id FROM incidents WHERE changed_seq > " + version;
        return load(tx, "WHERE id IN (" + changed + ")", "WHERE incident_id IN (" + changed + ")");
    }

    public List<Long> dueToStart(Tx tx, Instant now) {
        return tx.handle().createQuery("""
                SELECT id FROM incidents WHERE kind = 'maintenance' AND status = 'scheduled'
                  AND auto_start = :yes AND scheduled_for <= :now ORDER BY scheduled_for""")
                .bind("yes", true).bind("now", now).mapTo(Long.class).list();
    }

    public List<Long> dueToComplete(Tx tx, Instant now) {
        return tx.handle().createQuery("""
                SELECT id FROM incidents WHERE kind = 'maintenance' AND status IN ('in_progress', 'verifying')
                  AND auto_complete = :yes AND scheduled_until <= :now ORDER BY scheduled_until""")
                .bind("yes", true).bind("now", now).mapTo(Long.class).list();
    }

    private List<Incident> load(Tx tx, String incidentWhere, String childWhere) {
        Map<Long, List<AffectedComponent>> components = new HashMap<>();
        tx.handle().createQuery("SELECT * FROM incident_components " + childWhere + " ORDER BY component_id")
                .map((rs, ctx) -> components.computeIfAbsent(rs.getLong("incident_id"), k -> new ArrayList<>())
                        .add(new AffectedComponent(rs.getString("component_id"), status(rs.getString("status")))))
                .list();
        Map<Long, List<ComponentChange>> changes = new HashMap<>();
        String changeWhere = childWhere.isEmpty() ? ""
                : "WHERE update_id IN (SELECT id FROM incident_updates " + childWhere + ")";
        tx.handle().createQuery("SELECT * FROM incident_update_components " + changeWhere + " ORDER BY component_id")
                .map((rs, ctx) -> changes.computeIfAbsent(rs.getLong("update_id"), k -> new ArrayList<>())
                        .add(new ComponentChange(rs.getString("component_id"), status(rs.getString("old_status")),
                                status(rs.getString("new_status")))))
                .list();
        Map<Long, List<IncidentUpdate>> updates = new LinkedHashMap<>();
        tx.handle().createQuery("SELECT * FROM incident_updates " + childWhere + " ORDER BY display_at, id")
                .map((rs, ctx) -> mapUpdate(rs, changes.getOrDefault(rs.getLong("id"), List.of())))
                .forEach(u -> updates.computeIfAbsent(u.incidentId(), k -> new ArrayList<>()).add(u));
        return tx.handle().createQuery("SELECT * FROM incidents " + incidentWhere + " ORDER BY started_at DESC, id DESC")
                .map((rs, ctx) -> mapIncident(rs, components.getOrDefault(rs.getLong("id"), List.of()),
                        updates.getOrDefault(rs.getLong("id"), List.of())))
                .list();
    }

    private static IncidentUpdate mapUpdate(ResultSet rs, List<ComponentChange> changes) throws SQLException {
        String statusWire = rs.getString("status");
        IncidentStatus status = IncidentStatus.fromWire(Kind.INCIDENT, statusWire)
                .or(() -> IncidentStatus.fromWire(Kind.MAINTENANCE, statusWire)).orElseThrow();
        return IncidentUpdate.builder().id(rs.getLong("id")).incidentId(rs.getLong("incident_id")).status(status)
                .message(rs.getString("message")).notifySubscribers(rs.getBoolean("notify"))
                .createdAt(EpochMillis.instant(rs, "created_at")).displayAt(EpochMillis.instant(rs, "display_at"))
                .changes(List.copyOf(changes)).build();
    }

    private static Incident mapIncident(ResultSet rs, List<AffectedComponent> components, List<IncidentUpdate> updates)
            throws SQLException {
        Kind kind = Kind.valueOf(rs.getString("kind").toUpperCase(java.util.Locale.ROOT));
        String zone = rs.getString("time_zone");
        return Incident.builder().id(rs.getLong("id")).kind(kind).title(rs.getString("title"))
                .impact(Impact.fromWire(rs.getString("impact")).orElseThrow())
                .status(IncidentStatus.fromWire(kind, rs.getString("status")).orElseThrow())
                .postmortem(rs.getString("postmortem"))
                .startedAt(EpochMillis.instant(rs, "started_at")).createdAt(EpochMillis.instant(rs, "created_at"))
                .updatedAt(EpochMillis.instant(rs, "updated_at")).monitoringAt(EpochMillis.instant(rs, "monitoring_at"))
                .resolvedAt(EpochMillis.instant(rs, "resolved_at")).scheduledFor(EpochMillis.instant(rs, "scheduled_for"))
                .scheduledUntil(EpochMillis.instant(rs, "scheduled_until")).timeZone(zone == null ? null : ZoneId.of(zone))
                .autoStart(rs.getBoolean("auto_start")).autoComplete(rs.getBoolean("auto_complete"))
                .components(List.copyOf(components)).updates(List.copyOf(updates)).build();
    }



    private static ComponentStatus status(String wire) {
        return ComponentStatus.fromWire(wire).orElseThrow();
    }
}
