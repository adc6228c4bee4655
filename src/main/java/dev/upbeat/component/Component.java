package dev.upbeat.component;

import java.time.Instant;

/**
 * A part of the service users care about. {@code status} is the effective status shown to the
 * public; {@code manualStatus} is what an operator set, which applies while nothing holds it.
 */
public record Component(
        String id,
        String name,
        String groupId,
        String description,
        int position,
        boolean onlyShowIfDegraded,
        ComponentStatus manualStatus,
        ComponentStatus status,
        Instant createdAt,
        Instant updatedAt) {
}
