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

/** Creation, edits, order and removal of component groups. */
public final class GroupService {
    private final Database db;
    private final GroupRepository groups;
    private final ComponentRepository components;
    private final Clock clock;
    private final Runnable onChange;

    public GroupService(Database db, GroupRepository groups, ComponentRepository components, Clock clock, Runnable onChange) {
        this.db = db;
        this.groups = groups;
        this.components = components;
        this.clock = clock;
        this.onChange = onChange;
    }

    public ComponentGroup create(GroupDraft draft) {
        String name = Check.text("name", draft.name(), ComponentService.MAX_NAME);
        String description = Check.optionalText("description", draft.description(), ComponentService.MAX_DESCRIPTION);
        ComponentGroup group = db.inChange(tx -> {
            if (groups.findByName(tx, name).isPresent()) {
                throw Problem.conflict("A group named '" + name + "' already exists");
            }
            return insert(tx, name, blankToNull(description), draft.position(), clock.instant());
        });
        onChange.run();
        return group;
    }

    public ComponentGroup update(String id, GroupDraft draft) {
        String name = draft.name() == null ? null : Check.text("name", draft.name(), ComponentService.MAX_NAME);
        String description = Check.optionalText("description", draft.description(), ComponentService.MAX_DESCRIPTION);
        ComponentGroup updated = db.inChange(tx -> {
            ComponentGroup old = groups.find(tx, id).orElseThrow(() -> Problem.notFound("group", id));
            if (name != null && groups.findByName(tx, name).filter(g -> !g.id().equals(id)).isPresent()) {
                throw Problem.conflict("A group named '" + name + "' already exists");
            }
            ComponentGroup g = old.toBuilder().name(name == null ? old.name() : name)
                    .description(description == null ? old.description() : blankToNull(description))
                    .position(draft.position() == null ? old.position() : draft.position()).updatedAt(clock.instant())
                    .build();
            groups.update(tx, g);
            return g;
        });
        onChange.run();
        return updated;
    }

    /** Removes the group; its components stay, ungrouped. */
    public void delete(String id) {
        db.useChange(tx -> {
            groups.find(tx, id).orElseThrow(() -> Problem.notFound("group", id));
            components.ungroup(tx, id, clock.instant());
            groups.delete(tx, id);
        });
        onChange.run();
    }

    public void reorder(List<String> ids) {
        db.useChange(tx -> {
            List<String> order = new ArrayList<>(new LinkedHashSet<>(ids));
            for (String id : order) {
                groups.find(tx, id).orElseThrow(() -> Problem.invalid("ids", "No group with id '" + id + "'"));
            }
            groups.all(tx).stream().map(ComponentGroup::id).filter(id -> !order.contains(id)).forEach(order::add);
            Instant at = clock.instant();
            for (int i = 0; i < order.size(); i++) {
                ComponentGroup g = groups.find(tx, order.get(i)).orElseThrow();
                groups.update(tx, g.toBuilder().position(i + 1).updatedAt(at).build());
            }
        });
        onChange.run();
    }

    /** The id of the group with this id or name; a new group is created for an unknown name. */
    String resolveOrCreate(Tx tx, String idOrName, Instant at) {
        Check.text("group", idOrName, ComponentService.MAX_NAME);
        return groups.find(tx, idOrName)
                .or(() -> groups.findByName(tx, idOrName))
                .map(ComponentGroup::id)
                .orElseGet(() -> insert(tx, idOrName, null, null, at).id());
    }

    private ComponentGroup insert(Tx tx, String name, String description, Integer position, Instant at) {
        String id = Slug.unique(name, candidate -> groups.find(tx, candidate).isPresent());
        ComponentGroup g = ComponentGroup.builder().id(id).name(name).description(description)
                .position(position == null ? groups.nextPosition(tx) : position).createdAt(at).updatedAt(at).build();
        groups.insert(tx, g);
        return g;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
