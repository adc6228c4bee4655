package dev.upbeat.incident;

import dev.upbeat.component.ComponentService;
import dev.upbeat.component.ComponentStatus;
import dev.upbeat.problem.Problem;
import dev.upbeat.storage.Tx;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Moves an incident or maintenance along its lifecycle inside a transaction: checks the move,
 * sets component holds, and records the update with what it did to each component. Shared by
 * incidents and maintenance so both follow one rule.
 */
final class Timeline {
    private final IncidentRepository incidents;
    private final ComponentService components;
    private final UpdateListener listener;

    Timeline(IncidentRepository incidents, ComponentService components, UpdateListener listener) {
        this.incidents = incidents;
        this.components = components;
        this.listener = listener;
    }

    static void checkMove(Incident current, IncidentStatus next) {
        if (!current.status().canMoveTo(next)) {
            String allowed = current.status().next().stream().map(IncidentStatus::wire).toList().toString();
            throw Problem.conflict("Cannot move " + current.kind().wire() + " " + current.id() + " from "
                    + current.status().wire() + " to " + next.wire() + "; allowed: " + allowed);
        }
    }

    /**
     * Records one update: {@code statuses} are the component statuses this update sets (for
     * maintenance always under_maintenance); components the incident already had keep theirs.
     */
    Incident apply(Tx tx, Incident current, IncidentStatus next, String message,
                   Map<String, ComponentStatus> statuses, boolean notifySubscribers, Instant at) {
        checkMove(current, next);
        Map<String, ComponentStatus> all = new LinkedHashMap<>();
        current.components().forEach(c -> all.put(c.componentId(), c.status()));
        all.putAll(statuses);
        Map<String, ComponentStatus> before = effectiveStatuses(tx, all.keySet());
        all.forEach((id, status) -> incidents.putComponent(tx, current.id(), new AffectedComponent(id, status)));
        if (next.holdsComponents()) {
            components.hold(tx, current.holder(), all, at);
        } else {
            components.release(tx, current.holder(), at);
        }
        Incident moved = moved(current, next, at);
        incidents.update(tx, moved);
        Map<String, ComponentStatus> after = effectiveStatuses(tx, all.keySet());
        List<ComponentChange> changes = all.keySet().stream()
                .filter(id -> (next.holdsComponents() && statuses.containsKey(id)) || before.get(id) != after.get(id))
                .map(id -> new ComponentChange(id, before.get(id), after.get(id)))
                .toList();
        IncidentUpdate update = IncidentUpdate.builder().incidentId(current.id()).status(next).message(message)
                .notifySubscribers(notifySubscribers).createdAt(at).displayAt(at).changes(changes).build();
        long updateId = incidents.insertUpdate(tx, update);
        Incident recorded = incidents.find(tx, current.id()).orElseThrow();
        IncidentStatus previous = current.updates().isEmpty() ? null : current.status();
        recorded.updates().stream().filter(u -> u.id() == updateId).findFirst()
                .ifPresent(u -> listener.recorded(tx, previous, recorded, u));
        return recorded;
    }

    Map<String, ComponentStatus> effectiveStatuses(Tx tx, Set<String> ids) {
        Map<String, ComponentStatus> statuses = new LinkedHashMap<>();
        for (String id : new LinkedHashSet<>(ids)) {
            statuses.put(id, components.require(tx, id).status());
        }
        return statuses;
    }

    private static Incident moved(Incident i, IncidentStatus next, Instant at) {
        Instant monitoringAt = i.monitoringAt() == null && next == IncidentStatus.MONITORING ? at : i.monitoringAt();
        Instant resolvedAt = i.resolvedAt() == null && !next.isOpen() && next != IncidentStatus.SCHEDULED ? at : i.resolvedAt();
        Instant startedAt = i.status() == IncidentStatus.SCHEDULED && next == IncidentStatus.IN_PROGRESS ? at : i.startedAt();
        return i.toBuilder().status(next).startedAt(startedAt).updatedAt(at).monitoringAt(monitoringAt)
                .resolvedAt(resolvedAt).build();
    }
}
