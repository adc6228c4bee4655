package dev.upbeat.component;

import dev.upbeat.storage.EpochMillis;
import dev.upbeat.storage.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Components, their holds and their order, in SQL shared by SQLite and PostgreSQL. */
public final class ComponentRepository {

    public List<Component> all(Tx tx) {
        return tx.handle().createQuery("SELECT * FROM components ORDER BY position, name")
                .map((rs, ctx) -> map(rs)).list();
    }

    public Optional<Component> find(Tx tx, String id) {
        return tx.handle().createQuery("SELECT * FROM components WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> map(rs)).findOne();
    }

    /** Like {@link #find} but locks the row until commit, so concurrent status changes queue up. */
    public Optional<Component> lock(Tx tx, String id) {
        return tx.handle().createQuery("SELECT * FROM components WHERE id = :id" + tx.dialect().rowLock())
                .bind("id", id).map((rs, ctx) -> map(rs)).findOne();
    }

    public boolean exists(Tx tx, String id) {
        return tx.handle().createQuery("SELECT COUNT(*) FROM components WHERE id = :id")
                .bind("id", id).mapTo(Integer.class).one() > 0;
    }

    public int nextPosition(Tx tx) {
        return tx.handle().createQuery("SELECT COALESCE(MAX(position), 0) + 1 FROM components")
                .mapTo(Integer.class).one();
    }

    public void insert(Tx tx, Component c) {
        tx.handle().createUpdate("""
                INSERT INTO components (id, name, group_id, description, position, only_show_if_degraded,
                    manual_status, status, created_at, updated_at, owner_team, owner_channel, owner_address, tier, exposure)
                VALUES (:id, :name, :groupId, :description, :position, :onlyShowIfDegraded,
                    :manualStatus, :status, :createdAt, :updatedAt, :ownerTeam, :ownerChannel, :ownerAddress, :tier, :exposure)""")
                .bindMap(params(c)).execute();
    }

    public void update(Tx tx, Component c) {
        tx.handle().createUpdate("""
                UPDATE components SET name = :name, group_id = :groupId, description = :description,
                    position = :position, only_show_if_degraded = :onlyShowIfDegraded,
                    manual_status = :manualStatus, status = :status, updated_at = :updatedAt,
                    owner_team = :ownerTeam, owner_channel = :ownerChannel, owner_address = :ownerAddress,
                    tier = :tier, exposure = :exposure
                WHERE id = :id""")
                .bindMap(params(c)).execute();
    }

    public void delete(Tx tx, String id) {
        Handle h = tx.handle();
        // Children first: SQLite enforces foreign keys only when asked, so do not rely on cascades.
        for (String table : List.of("component_holds", "status_intervals", "daily_uptime", "inventory_sboms",
                "inventory_packages", "inventory_edges", "component_links", "advisory_exposure")) {
            h.createUpdate("DELETE FROM " + table + " WHERE component_id = :id").bind("id", id).execute();
        }
        h.createUpdate("DELETE FROM component_links WHERE kind = 'component' AND depends_on = :id").bind("id", id).execute();
        h.createUpdate("DELETE FROM components WHERE id = :id").bind("id", id).execute();
    }

    public void ungroup(Tx tx, String groupId, Instant at) {
        tx.handle().createUpdate("UPDATE components SET group_id = NULL, updated_at = :at WHERE group_id = :g")
                .bind("g", groupId).bind("at", at).execute();
    }

    public void setPosition(Tx tx, String id, int position) {
        tx.handle().createUpdate("UPDATE components SET position = :p WHERE id = :id")
                .bind("p", position).bind("id", id).execute();
    }

    /** The statuses open incidents and maintenance currently hold this component at. */
    public List<ComponentStatus> holds(Tx tx, String componentId) {
        return tx.handle().createQuery("SELECT status FROM component_holds WHERE component_id = :id")
                .bind("id", componentId).mapTo(String.class).list()
                .stream().map(ComponentRepository::status).toList();
    }

    public List<String> heldBy(Tx tx, String holder) {
        return tx.handle().createQuery("SELECT component_id FROM component_holds WHERE holder = :h ORDER BY component_id")
                .bind("h", holder).mapTo(String.class).list();
    }

    public List<String> holders(Tx tx, String componentId) {
        return tx.handle().createQuery("SELECT holder FROM component_holds WHERE component_id = :id ORDER BY holder")
                .bind("id", componentId).mapTo(String.class).list();
    }

    public void putHold(Tx tx, String componentId, String holder, ComponentStatus status) {
        tx.handle().createUpdate("""
                INSERT INTO component_holds (component_id, holder, status) VALUES (:c, :h, :s)
                ON CONFLICT (component_id, holder) DO UPDATE SET status = excluded.status""")
                .bind("c", componentId).bind("h", holder).bind("s", status.wire()).execute();
    }

    public void removeHolds(Tx tx, String holder) {
        tx.handle().createUpdate("DELETE FROM component_holds WHERE holder = :h").bind("h", holder).execute();
    }

    private static Map<String, Object> params(Component c) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", c.id());
        p.put("name", c.name());
        p.put("groupId", c.groupId());
        p.put("description", c.description());
        p.put("position", c.position());
        p.put("onlyShowIfDegraded", c.onlyShowIfDegraded());
        p.put("manualStatus", c.manualStatus().wire());
        p.put("status", c.status().wire());
        p.put("createdAt", c.createdAt());
        p.put("updatedAt", c.updatedAt());
        Ownership o = c.ownership();
        p.put("ownerTeam", o.team());
        p.put("ownerChannel", o.channel() == null ? null : o.channel().wire());
        p.put("ownerAddress", o.address());
        p.put("tier", o.tier());
        p.put("exposure", o.exposure() == null ? null : o.exposure().wire());
        return p;
    }

    static ComponentStatus status(String wire) {
        return ComponentStatus.fromWire(wire).orElseThrow(() ->
                new IllegalStateException("Unknown component status in the database: " + wire));
    }

    private static Component map(ResultSet rs) throws SQLException {
        return Component.builder().id(rs.getString("id")).name(rs.getString("name")).groupId(rs.getString("group_id"))
                .description(rs.getString("description")).position(rs.getInt("position"))
                .onlyShowIfDegraded(rs.getBoolean("only_show_if_degraded"))
                .manualStatus(status(rs.getString("manual_status"))).status(status(rs.getString("status")))
                .createdAt(EpochMillis.instant(rs, "created_at")).updatedAt(EpochMillis.instant(rs, "updated_at"))
                .ownership(ownership(rs)).build();
    }

    private static Ownership ownership(ResultSet rs) throws SQLException {
        int tier = rs.getInt("tier");
        Integer tierOrNull = rs.wasNull() ? null : tier;
        String channel = rs.getString("owner_channel");
        String exposure = rs.getString("exposure");
        return new Ownership(rs.getString("owner_team"),
                channel == null ? null : ContactChannel.fromWire(channel).orElse(null),
                rs.getString("owner_address"), tierOrNull,
                exposure == null ? null : Exposure.fromWire(exposure).orElse(null));
    }
}
