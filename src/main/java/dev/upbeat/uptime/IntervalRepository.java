package dev.upbeat.uptime;

import dev.upbeat.component.ComponentStatus;
import dev.upbeat.storage.EpochMillis;
import dev.upbeat.storage.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jdbi.v3.core.statement.Query;

/** Status intervals, daily roll-ups and the setting that records the roll-ups' time zone. */
public final class IntervalRepository {

    public void insert(Tx tx, String componentId, ComponentStatus status, Instant start, Instant end) {
        tx.handle().createUpdate("""
                INSERT INTO status_intervals (component_id, status, started_at, ended_at)
                VALUES (:c, :s, :start, :end)""")
                .bind("c", componentId).bind("s", status.wire()).bind("start", start)
                .bindByType("end", end, Instant.class).execute();
    }

    public Optional<Interval> open(Tx tx, String componentId) {
        return tx.handle().createQuery("SELECT * FROM status_intervals WHERE component_id = :c AND ended_at IS NULL")
                .bind("c", componentId).map((rs, ctx) -> map(rs)).findOne();
    }

    public List<Interval> allOpen(Tx tx) {
        return tx.handle().createQuery("SELECT * FROM status_intervals WHERE ended_at IS NULL")
                .map((rs, ctx) -> map(rs)).list();
    }

    public Optional<Instant> firstStart(Tx tx, String componentId) {
        return tx.handle().createQuery("SELECT MIN(started_at) FROM status_intervals WHERE component_id = :c")
                .bind("c", componentId).mapTo(Instant.class).findOne();
    }

    /** Intervals that overlap [from, to), oldest first; the open one counts as reaching forever. */
    public List<Interval> overlapping(Tx tx, String componentId, Instant from, Instant to) {
        return tx.handle().createQuery("""
                SELECT * FROM status_intervals WHERE component_id = :c AND started_at < :to
                  AND (ended_at IS NULL OR ended_at > :from) ORDER BY started_at""")
                .bind("c", componentId).bind("from", from).bind("to", to)
                .map((rs, ctx) -> map(rs)).list();
    }

    public void close(Tx tx, long id, Instant end) {
        tx.handle().createUpdate("UPDATE status_intervals SET ended_at = :e WHERE id = :id")
                .bind("e", end).bind("id", id).execute();
    }

    public void setStatus(Tx tx, long id, ComponentStatus status) {
        tx.handle().createUpdate("UPDATE status_intervals SET status = :s WHERE id = :id")
                .bind("s", status.wire()).bind("id", id).execute();
    }

    public void delete(Tx tx, long id) {
        tx.handle().createUpdate("DELETE FROM status_intervals WHERE id = :id").bind("id", id).execute();
    }

    public List<String> componentsWithHistory(Tx tx) {
        return tx.handle().createQuery("SELECT DISTINCT component_id FROM status_intervals ORDER BY component_id")
                .mapTo(String.class).list();
    }

    public void deleteAllRollups(Tx tx) {
        tx.handle().createUpdate("DELETE FROM daily_uptime").execute();
    }

    /**
     * Replaces the roll-ups of one component's days {@code from} to {@code to} (both included) with
     * {@code days}, stamped with the number of the change that commits them: a rebuild that kept the
     * days it read before reads again only these ({@link #rollupsChangedSince}).
     */
    public void replaceRollups(Tx tx, String componentId, LocalDate from, LocalDate to, Collection<DayTotals> days) {
        tx.handle().createUpdate("DELETE FROM daily_uptime WHERE component_id = :c AND day >= :from AND day <= :to")
                .bind("c", componentId).bind("from", from.toString()).bind("to", to.toString()).execute();
        days.forEach(t -> insertRollup(tx, componentId, t));
        tx.stampOnCommit("daily_uptime " + componentId + " " + from + " " + to, version -> tx.handle()
                .createUpdate("UPDATE daily_uptime SET changed_seq = :v WHERE component_id = :c AND day >= :from AND day <= :to")
                .bind("v", version).bind("c", componentId).bind("from", from.toString()).bind("to", to.toString()).execute());
    }

    private void insertRollup(Tx tx, String componentId, DayTotals t) {
        tx.handle().createUpdate("""
                INSERT INTO daily_uptime (component_id, day, operational_seconds, maintenance_seconds,
                    degraded_seconds, partial_seconds, major_seconds)
                VALUES (:c, :day, :op, :mt, :dg, :pa, :ma)""")
                .bind("c", componentId).bind("day", t.day().toString()).bind("op", t.operationalSeconds())
                .bind("mt", t.maintenanceSeconds()).bind("dg", t.degradedSeconds())
                .bind("pa", t.partialSeconds()).bind("ma", t.majorSeconds()).execute();
    }

    /** Roll-ups of every component from {@code from} on, keyed by component id. */
    public Map<String, SortedMap<LocalDate, DayTotals>> rollupsSince(Tx tx, LocalDate from) {
        return rollups(tx.handle().createQuery("SELECT * FROM daily_uptime WHERE day >= :from").bind("from", from.toString()));
    }

    /** Roll-ups from {@code from} on written by changes after {@code version}, keyed by component id. */
    public Map<String, SortedMap<LocalDate, DayTotals>> rollupsChangedSince(Tx tx, LocalDate from, long version) {
        return rollups(tx.handle().createQuery("SELECT * FROM daily_uptime WHERE changed_seq > :v AND day >= :from")
                .bind("v", version).bind("from", from.toString()));
    }

    private static Map<String, SortedMap<LocalDate, DayTotals>> rollups(Query query) {
        Map<String, SortedMap<LocalDate, DayTotals>> byComponent = new HashMap<>();
        query.map((rs, ctx) -> {
            DayTotals t = DayTotals.builder().day(LocalDate.parse(rs.getString("day")))
                    .operationalSeconds(rs.getLong("operational_seconds"))
                    .maintenanceSeconds(rs.getLong("maintenance_seconds")).degradedSeconds(rs.getLong("degraded_seconds"))
                    .partialSeconds(rs.getLong("partial_seconds")).majorSeconds(rs.getLong("major_seconds")).build();
            byComponent.computeIfAbsent(rs.getString("component_id"), k -> new TreeMap<>()).put(t.day(), t);
            return t;
        }).list();
        return byComponent;
    }

    public List<Interval> all(Tx tx, String componentId) {
        return new ArrayList<>(tx.handle().createQuery("SELECT * FROM status_intervals WHERE component_id = :c ORDER BY started_at")
                .bind("c", componentId).map((rs, ctx) -> map(rs)).list());
    }

    public Optional<String> setting(Tx tx, String key) {
        return tx.handle().createQuery("SELECT value FROM settings WHERE key = :k").bind("k", key)
                .mapTo(String.class).findOne();
    }

    public void putSetting(Tx tx, String key, String value) {
        tx.handle().createUpdate("""
                INSERT INTO settings (key, value) VALUES (:k, :v)
                ON CONFLICT (key) DO UPDATE SET value = excluded.value""")
                .bind("k", key).bind("v", value).execute();
    }

    private static Interval map(ResultSet rs) throws SQLException {
        return new Interval(rs.getLong("id"), rs.getString("component_id"),
                ComponentStatus.fromWire(rs.getString("status")).orElseThrow(),
                EpochMillis.instant(rs, "started_at"), EpochMillis.instant(rs, "ended_at"));
    }
}
