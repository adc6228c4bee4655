package dev.upbeat.component;

import java.time.Instant;

/** A named set of components shown together, like Heroku's Apps, Data and Tools. */
public record ComponentGroup(String id, String name, String description, int position, Instant createdAt, Instant updatedAt) {
}
