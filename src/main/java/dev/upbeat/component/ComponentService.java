package dev.upbeat.component;

import dev.upbeat.problem.Check;
import dev.upbeat.problem.Problem;
import dev.upbeat.storage.Database;
import dev.upbeat.storage.Tx;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The only way components change: creation, edits, order, manual status, and the holds that open
 * incidents and maintenance put on them. Every status change reaches the {@link StatusHistory} in
 * the same transaction; every committed change is announced to {@code onChange}.
 */
public final class ComponentService {
    static final int MAX_NAME = 100;
    static final int MAX_DESCRIPTION = 1000;

    private final Database db;
    private final ComponentRepository components;
    private final GroupService groups;
    private final StatusHistory history;
    private final Clock clock;
    private final Runnable onChange;

    public ComponentService(Database db, ComponentRepository components, GroupService groups,
                            StatusHistory history, Clock clock, Runnable onChange) {
        this.db = db;
        this.components = components;
        this.groups = groups;
        this.history = history;
        this.clock = clock;
        this.onChange = onChange;
    }

    public Component create(ComponentDraft draft) {
        String name = Check.text("name", draft.name(), MAX_NAME);
        String description = emptyToNull(Check.optionalText("description", draft.description(), MAX_DESCRIPTION));
        ComponentStatus status = draft.status() == null ? ComponentStatus.OPERATIONAL : draft.status();
        Ownership ownership = OwnershipChange.apply(Ownership.NONE, draft);
        Component created = db.inChange(tx -> {
            String id = chooseId(tx, draft.id(), name);
            String groupId = blank(draft.group()) ? null : groups.resolveOrCreate(tx, draft.group().strip(), now());
            int position = draft.position() == null ? components.nextPosition(tx) : draft.position();
            Instant at = now();
            Component c = Component.builder().id(id).name(name).groupId(groupId).description(description)
                    .position(position).onlyShowIfDegraded(Boolean.TRUE.equals(draft.onlyShowIfDegraded()))
                    .manualStatus(status).status(status).createdAt(at).updatedAt(at).ownership(ownership).build();
            components.insert(tx, c);
            history.begin(tx, id, status, at);
            return c;
        });
        onChange.run();
        return created;
    }

    private String chooseId(Tx tx, String requested, String name) {
        if (requested == null) {
            return Slug.unique(name, id -> components.exists(tx, id));
        }
        if (!Slug.isValid(requested)) {
            throw Problem.invalid("id", "id must be lowercase letters, digits and single dashes, at most "
                    + Slug.MAX_LENGTH + " characters; got '" + requested + "'");
        }
        if (components.exists(tx, requested)) {
            throw Problem.conflict("A component with id '" + requested + "' already exists");
        }
        return requested;
    }

    public Component update(String id, ComponentDraft draft) {
        if (draft.id() != null && !draft.id().equals(id)) {
            throw Problem.invalid("id", "id cannot be changed; it is part of every link to the component");
        }
        String name = draft.name() == null ? null : Check.text("name", draft.name(), MAX_NAME);
        String description = Check.optionalText("description", draft.description(), MAX_DESCRIPTION);
        Component updated = db.inChange(tx -> {
            Component old = components.lock(tx, id).orElseThrow(() -> Problem.notFound("component", id));
            String groupId = draft.group() == null ? old.groupId()
                    : blank(draft.group()) ? null : groups.resolveOrCreate(tx, draft.group().strip(), now());
            Component c = old.toBuilder().name(name == null ? old.name() : name).groupId(groupId)
                    .description(description == null ? old.description() : emptyToNull(description))
                    .position(draft.position() == null ? old.position() : draft.position())
                    .onlyShowIfDegraded(draft.onlyShowIfDegraded() == null ? old.onlyShowIfDegraded() : draft.onlyShowIfDegraded())
                    .ownership(OwnershipChange.apply(old.ownership(), draft))
                    .updatedAt(now()).build();
            components.update(tx, c);
            return draft.status() == null ? c : setStatus(tx, id, draft.status());
        });
        onChange.run();
        return updated;
    }

    public void delete(String id) {
        db.useChange(tx -> {
            components.lock(tx, id).orElseThrow(() -> Problem.notFound("component", id));
            List<String> holders = components.holders(tx, id);
            if (!holders.isEmpty()) {
                throw Problem.conflict("Component '" + id + "' is affected by " + String.join(", ", holders)
                        + "; resolve or complete it first");
            }
            components.delete(tx, id);
        });
        onChange.run();
    }

    /** Puts the listed components first, in this order; the others keep their order after them. */
    public void reorder(List<String> ids) {
        db.useChange(tx -> {
            List<String> order = new ArrayList<>(new LinkedHashSet<>(ids));
            for (String id : order) {
                if (!components.exists(tx, id)) {
                    throw Problem.invalid("ids", "No component with id '" + id + "'");
                }
            }
            components.all(tx).stream().map(Component::id).filter(id -> !order.contains(id)).forEach(order::add);
            for (int i = 0; i < order.size(); i++) {
                components.setPosition(tx, order.get(i), i + 1);
            }
        });
        onChange.run();
    }

    /** Sets the manual status; refused while an incident or maintenance holds the component. */
    public Component setStatus(String id, ComponentStatus status) {
        Component changed = db.inChange(tx -> setStatus(tx, id, status));
        onChange.run();
        return changed;
    }

    private Component setStatus(Tx tx, String id, ComponentStatus status) {
        Component c = components.lock(tx, id).orElseThrow(() -> Problem.notFound("component", id));
        List<String> holders = components.holders(tx, id);
        if (!holders.isEmpty()) {
            throw Problem.conflict("Component '" + id + "' is held by " + String.join(", ", holders)
                    + "; post an update there to change its status");
        }
        Instant at = now();
        Component updated = withStatus(c, status, status, at);
        components.update(tx, updated);
        if (status != c.status()) {
            history.change(tx, id, status, at);
        }
        return updated;
    }

    /**
     * Records that {@code holder} (an open incident or maintenance) holds these components at
     * these statuses from {@code at}; components it held before and are not listed stay held.
     */
    public void hold(Tx tx, String holder, Map<String, ComponentStatus> statuses, Instant at) {
        for (var entry : statuses.entrySet()) {
            components.putHold(tx, entry.getKey(), holder, entry.getValue());
            refresh(tx, entry.getKey(), at);
        }
    }

    /**
     * Ends every hold of {@code holder}. A component nothing else holds returns to operational,
     * as Statuspage does when an incident is resolved.
     */
    public void release(Tx tx, String holder, Instant at) {
        List<String> held = components.heldBy(tx, holder);
        components.removeHolds(tx, holder);
        for (String id : held) {
            components.lock(tx, id).ifPresent(c -> {
                if (components.holds(tx, id).isEmpty() && c.manualStatus() != ComponentStatus.OPERATIONAL) {
                    components.update(tx, withStatus(c, ComponentStatus.OPERATIONAL, c.status(), at));
                }
            });
            refresh(tx, id, at);
        }
    }

    /** Back-fills history for a back-dated incident: see {@link StatusHistory#raise}. */
    public void backfill(Tx tx, Map<String, ComponentStatus> statuses, Instant from, Instant to) {
        statuses.forEach((id, status) -> history.raise(tx, id, status, from, to));
    }

    public Component require(Tx tx, String id) {
        return components.find(tx, id).orElseThrow(() -> Problem.notFound("component", id));
    }

    private void refresh(Tx tx, String id, Instant at) {
        Component c = components.lock(tx, id).orElseThrow(() -> Problem.notFound("component", id));
        List<ComponentStatus> holds = components.holds(tx, id);
        ComponentStatus effective = holds.isEmpty() ? c.manualStatus() : ComponentStatus.worst(holds);
        if (effective != c.status()) {
            components.update(tx, withStatus(c, c.manualStatus(), effective, at));
            history.change(tx, id, effective, at);
        }
    }

    private static Component withStatus(Component c, ComponentStatus manual, ComponentStatus effective, Instant at) {
        return c.toBuilder().manualStatus(manual).status(effective).updatedAt(at).build();
    }

    private Instant now() {
        return clock.instant();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
