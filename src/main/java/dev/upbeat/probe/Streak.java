package dev.upbeat.probe;

import java.time.Instant;

/**
 * A probe's running state: consecutive failures and successes, the auto-incident it has open
 * (null: none) and when that last opened or resolved (null: never), for the flapping guard.
 */
public record Streak(int failures, int successes, Long incidentId, Instant stateChangedAt) {
    public static final Streak NONE = new Streak(0, 0, null, null);

    Streak after(boolean ok) {
        return ok ? new Streak(0, successes + 1, incidentId, stateChangedAt)
                : new Streak(failures + 1, 0, incidentId, stateChangedAt);
    }

    Streak opened(long incident, Instant at) {
        return new Streak(failures, successes, incident, at);
    }

    Streak closed(Instant at) {
        return new Streak(failures, successes, null, at);
    }
}
