package dev.upbeat.component;

import dev.upbeat.storage.EpochMillis;
import dev.upbeat.storage.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Component groups and their order. */
public final class GroupRepository {

    public List<ComponentGroup> all(Tx tx) {
        return tx.handle().createQuery("SELECT * FROM component_groups ORDER BY position, name")
                .map((rs, ctx) -> map(rs)).list();
    }

    public Optional<ComponentGroup> find(Tx tx, String id) {
        return tx.handle().createQuery("SELECT * FROM component_groups WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> map(rs)).findOne();
    }

    public Optional<ComponentGroup> findByName(Tx tx, String name) {
        return tx.handle().createQuery("SELECT * FROM component_groups WHERE LOWER(name) = LOWER(:name)")
                .bind("name", name).map((rs, ctx) -> map(rs)).findOne();
    }

    public int nextPosition(Tx tx) {
        return tx.handle().createQuery("SELECT COALESCE(MAX(position), 0) + 1 FROM component_groups")
                .mapTo(Integer.class).one();
    }

    public void insert(Tx tx, ComponentGroup g) {
        tx.handle().createUpdate("""
                INSERT INTO component_groups (id, name, description, position, created_at, updated_at)
                VALUES (:id, :name, :description, :position, :createdAt, :updatedAt)""")
                .bind("id", g.id()).bind("name", g.name()).bind("description", g.description())
                .bind("position", g.position()).bind("createdAt", g.createdAt())
                .bind("updatedAt", g.updatedAt()).execute();
    }

    public void update(Tx tx, ComponentGroup g) {
        tx.handle().createUpdate("""
                UPDATE component_groups SET name = :name, description = :description, position = :position,
                    updated_at = :updatedAt WHERE id = :id""")
                .bind("id", g.id()).bind("name", g.name()).bind("description", g.description())
                .bind("position", g.position()).bind("updatedAt", g.updatedAt()).execute();
    }

    public void delete(Tx tx, String id) {
        tx.handle().createUpdate("DELETE FROM component_groups WHERE id = :id").bind("id", id).execute();
    }

    private static ComponentGroup map(ResultSet rs) throws SQLException {
        return ComponentGroup.builder().id(rs.getString("id")).name(rs.getString("name"))
                .description(rs.getString("description")).position(rs.getInt("position"))
                .createdAt(EpochMillis.instant(rs, "created_at")).updatedAt(EpochMillis.instant(rs, "updated_at")).build();
    }
}
