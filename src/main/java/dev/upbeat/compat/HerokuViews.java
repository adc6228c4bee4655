package dev.upbeat.compat;

import dev.upbeat.component.Component;
import dev.upbeat.component.ComponentGroup;
import dev.upbeat.component.ComponentStatus;
import dev.upbeat.incident.AffectedComponent;
import dev.upbeat.incident.Incident;
import dev.upbeat.incident.IncidentUpdate;
import dev.upbeat.status.Markdown;
import dev.upbeat.status.PublicStatus;
import dev.upbeat.status.StatusRollup;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Heroku Status v4 views of a snapshot, as the Heroku CLI and status checkers read them. Pure:
 * no web, no database. Systems are our component groups in display order, then
 * {@link PublicStatus#UNGROUPED} for components outside any group.
 */
public final class HerokuViews {
    private HerokuViews() {
    }

    /** Every system's colour, the open incidents and the maintenance not yet over; valid even for an empty page. */
    public static Heroku.CurrentStatus currentStatus(PublicStatus s) {
        return new Heroku.CurrentStatus(systems(s),
                s.openIncidents().stream().map(i -> issue(s, i)).toList(),
                s.openMaintenances().stream().map(m -> issue(s, m)).toList());
    }

    /** Incidents of any status, newest first, at most {@code limit}. */
    public static List<Heroku.Issue> incidents(PublicStatus s, int limit) {
        return s.incidents().stream().limit(limit).map(i -> issue(s, i)).toList();
    }

    /** An incident or a maintenance window: they share one id space, and v4 has no other path for one window. */
    public static Optional<Heroku.Issue> incident(PublicStatus s, long id) {
        return find(s, id).map(i -> issue(s, i));
    }

    static Optional<Incident> find(PublicStatus s, long id) {
        return s.incident(id).or(() -> s.maintenance(id));
    }

    private static List<Heroku.SystemStatus> systems(PublicStatus s) {
        List<Heroku.SystemStatus> systems = new ArrayList<>();
        for (ComponentGroup g : s.groups()) {
            systems.add(new Heroku.SystemStatus(g.name(), Vocabulary.colour(s.groupStatus(g.id()))));
        }
        List<ComponentStatus> ungrouped = s.components().stream().filter(c -> c.groupId() == null).map(Component::status).toList();
        if (!ungrouped.isEmpty()) {
            systems.add(new Heroku.SystemStatus(PublicStatus.UNGROUPED, Vocabulary.colour(StatusRollup.overall(ungrouped))));
        }
        return systems;
    }

    static Heroku.Issue issue(PublicStatus s, Incident i) {
        return new Heroku.Issue(i.id(), i.title(), Vocabulary.herokuState(i.status()), !i.status().isOpen(),
                Timestamps.heroku(i.createdAt()), Timestamps.heroku(i.updatedAt()), s.url(i), affectedSystems(s, i),
                List.of(), updates(i));
    }

    /** The systems of the incident's components, in display order, each with the components' names. */
    private static List<Heroku.AffectedSystem> affectedSystems(PublicStatus s, Incident i) {
        Map<String, List<AffectedComponent>> bySystem = new LinkedHashMap<>();
        i.components().stream()
                .sorted(Comparator.comparingInt(a -> displayIndex(s, a.componentId())))
                .forEach(a -> bySystem.computeIfAbsent(system(s, a.componentId()), name -> new ArrayList<>()).add(a));
        return bySystem.entrySet().stream()
                .map(e -> new Heroku.AffectedSystem(e.getKey(), Vocabulary.colour(held(i, e.getValue())),
                        e.getValue().stream().map(a -> name(s, a.componentId())).toList()))
                .toList();
    }

    /** The worst status the incident holds these components at; operational once it holds none. */
    static ComponentStatus held(Incident i, List<AffectedComponent> affected) {
        return i.status().holdsComponents()
                ? StatusRollup.overall(affected.stream().map(AffectedComponent::status).toList())
                : ComponentStatus.OPERATIONAL;
    }

    private static List<Heroku.Update> updates(Incident i) {
        List<IncidentUpdate> newestFirst = i.updatesNewestFirst();
        if (newestFirst.isEmpty()) {
            // Older Heroku CLIs crash on an incident without updates; the title stands in for the first one.
            String created = Timestamps.heroku(i.createdAt());
            return List.of(new Heroku.Update(Vocabulary.openingUpdateType(i.kind()), created, created, i.title()));
        }
        IncidentUpdate oldest = newestFirst.get(newestFirst.size() - 1);
        return newestFirst.stream().map(u -> {
            // The display time is when the page says it was posted; "how long ago" must agree with it.
            String at = Timestamps.heroku(u.displayAt());
            return new Heroku.Update(Vocabulary.updateType(i.kind(), u, u.id() == oldest.id()), at, at,
                    Markdown.toPlainText(u.message()));
        }).toList();
    }

    /** The group name of a component, or the ungrouped heading (also for one deleted since). */
    private static String system(PublicStatus s, String componentId) {
        return s.component(componentId).map(Component::groupId).flatMap(s::group).map(ComponentGroup::name)
                .orElse(PublicStatus.UNGROUPED);
    }

    private static String name(PublicStatus s, String componentId) {
        return s.component(componentId).map(Component::name).orElse(componentId);
    }

    private static int displayIndex(PublicStatus s, String componentId) {
        List<Component> all = s.components();
        for (int n = 0; n < all.size(); n++) {
            if (all.get(n).id().equals(componentId)) {
                return n;
            }
        }
        return Integer.MAX_VALUE;
    }
}
