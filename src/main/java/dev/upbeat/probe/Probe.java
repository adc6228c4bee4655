package dev.upbeat.probe;

import java.time.Duration;
import java.time.Instant;

/** A configured check of one component, with its schedule, incident policy and running state. */
public record Probe(
        String id,
        String name,
        CheckSpec check,
        Duration interval,
        String componentId,
        IncidentPolicy policy,
        Streak streak,
        Instant createdAt,
        Instant updatedAt) {

    /** Time after a check's timeout to record its result, within a claim. */
    static final Duration RECORD_GRACE = Duration.ofSeconds(10);

    public String kind() {
        return check.kind().wire();
    }

    /**
     * How long a claimed run holds this probe: the check's timeout and time to record the result,
     * never longer than the interval. A run lost with its instance is taken up by another once it ends.
     */
    public Duration claimLease() {
        Duration lease = check.timeout().plus(RECORD_GRACE);
        return lease.compareTo(interval) < 0 ? lease : interval;
    }
}
