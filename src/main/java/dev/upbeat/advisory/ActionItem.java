package dev.upbeat.advisory;

import java.time.Instant;

/**
 * What one component's owner team has to do about one advisory. {@code dueSet} is true when the
 * due time was set by hand; otherwise it follows the advisory's disclosure. {@code doneBy} and
 * {@code doneAt} say who finished it and when (an SBOM upload that leaves the component not exposed
 * finishes it too).
 */
public record ActionItem(long id, long advisoryId, String componentId, String team, ActionState state, String reason,
                         Instant dueAt, boolean dueSet, String doneBy, Instant doneAt, Instant createdAt, Instant updatedAt) {

    /** Still to do and past its due time. */
    public boolean overdue(Instant now) {
        return !state.finished() && dueAt != null && now.isAfter(dueAt);
    }

    ActionItem with(ActionState newState, String newReason, String by, Instant at) {
        boolean finishing = newState.finished();
        return new ActionItem(id, advisoryId, componentId, team, newState, newReason, dueAt, dueSet, finishing ? by : null,
                finishing ? at : null, createdAt, at);
    }

    ActionItem due(Instant newDue, boolean set, Instant at) {
        return new ActionItem(id, advisoryId, componentId, team, state, reason, newDue, set, doneBy, doneAt, createdAt, at);
    }

    ActionItem team(String newTeam, Instant at) {
        return new ActionItem(id, advisoryId, componentId, newTeam, state, reason, dueAt, dueSet, doneBy, doneAt, createdAt, at);
    }
}
