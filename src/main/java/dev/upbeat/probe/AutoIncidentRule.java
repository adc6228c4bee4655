package dev.upbeat.probe;

import java.time.Duration;
import java.time.Instant;

/**
 * When a probe's results open or resolve its auto-incident. Thresholds of consecutive results and
 * a minimum time since the last change keep an upstream that alternates from flapping the page;
 * maintenance in progress holds off opening (the outage is planned).
 */
public final class AutoIncidentRule {
    /** What the latest result calls for. */
    public enum Action { NONE, OPEN, RESOLVE }

    private AutoIncidentRule() {
    }

    /** @param streak the streak including the latest result */
    static Action decide(IncidentPolicy policy, Streak streak, Instant now, Duration minStateChange, boolean inMaintenance) {
        if (!policy.autoIncident() && streak.incidentId() == null) {
            return Action.NONE;
        }
        boolean settled = streak.stateChangedAt() == null || !now.isBefore(streak.stateChangedAt().plus(minStateChange));
        if (streak.incidentId() == null) {
            return streak.failures() >= policy.failuresToOpen() && settled && !inMaintenance ? Action.OPEN : Action.NONE;
        }
        return streak.successes() >= policy.successesToResolve() && settled ? Action.RESOLVE : Action.NONE;
    }
}
