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

    public String kind() {
        return check.kind().wire();
    }
}
