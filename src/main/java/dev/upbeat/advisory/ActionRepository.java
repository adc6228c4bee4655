package dev.upbeat.advisory;

import dev.upbeat.storage.EpochMillis;
import dev.upbeat.storage.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Action items, one per (advisory, component), in SQL shared by SQLite and PostgreSQL. */
public final class ActionRepository {
    private static final String SET = "set";
    private static final String DISCLOSURE = "disclosure";

    public long insert(Tx tx, ActionItem a) {
        return tx.handle().createQuery("""
                INSERT INTO action_items (advisory_id, component_id, team, state, reason, due_at, due_source, done_by, done_at,
                    created_at, updated_at)
                VALUES (:advisory, :component, :team, :state, :reason, :due, :source, :doneBy, :doneAt, :created, :updated)
                RETURNING id""")
                .bind("advisory", a.advisoryId()).bind("component", a.componentId()).bind("team", a.team())
                .bind("state", a.state().wire()).bind("reason", a.reason()).bind("due", a.dueAt())
                .bind("source", a.dueSet() ? SET : DISCLOSURE).bind("doneBy", a.doneBy()).bind("doneAt", a.doneAt())
                .bind("created", a.createdAt()).bind("updated", a.updatedAt()).mapTo(Long.class).one();
    }

    public void update(Tx tx, ActionItem a) {
        tx.handle().createUpdate("""
                UPDATE action_items SET team = :team, state = :state, reason = :reason, due_at = :due, due_source = :source,
                    done_by = :doneBy, done_at = :doneAt, updated_at = :updated WHERE id = :id""")
                .bind("id", a.id()).bind("team", a.team()).bind("state", a.state().wire()).bind("reason", a.reason())
                .bind("due", a.dueAt()).bind("source", a.dueSet() ? SET : DISCLOSURE).bind("doneBy", a.doneBy())
                .bind("doneAt", a.doneAt()).bind("updated", a.updatedAt()).execute();
    }

    /** The advisory's action items, by component id. */
    public List<ActionItem> forAdvisory(Tx tx, long advisoryId) {
        return tx.handle().createQuery("SELECT * FROM action_items WHERE advisory_id = :a ORDER BY component_id")
                .bind("a", advisoryId).map((rs, ctx) -> map(rs)).list();
    }

    /** Locks one action item for a change. */
    public Optional<ActionItem> lock(Tx tx, long advisoryId, long id) {
        return tx.handle().createQuery("SELECT * FROM action_items WHERE advisory_id = :a AND id = :id" + tx.dialect().rowLock())
                .bind("a", advisoryId).bind("id", id).map((rs, ctx) -> map(rs)).findOne();
    }

    /** Unfinished items due after {@code now} and no later than {@code until}: the ones a reminder may be owed for. */
    public List<ActionItem> dueBetween(Tx tx, Instant now, Instant until) {
        return tx.handle().createQuery("""
                SELECT * FROM action_items WHERE state IN ('open', 'in_progress') AND due_at > :now AND due_at <= :until
                ORDER BY due_at, id""")
                .bind("now", now).bind("until", until).map((rs, ctx) -> map(rs)).list();
    }

    private static ActionItem map(ResultSet rs) throws SQLException {
        return new ActionItem(rs.getLong("id"), rs.getLong("advisory_id"), rs.getString("component_id"), rs.getString("team"),
                ActionState.fromWire(rs.getString("state")).orElseThrow(), rs.getString("reason"),
                EpochMillis.instant(rs, "due_at"), SET.equals(rs.getString("due_source")), rs.getString("done_by"),
                EpochMillis.instant(rs, "done_at"), EpochMillis.instant(rs, "created_at"), EpochMillis.instant(rs, "updated_at"));
    }
}
