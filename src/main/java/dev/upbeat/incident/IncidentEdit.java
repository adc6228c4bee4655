package dev.upbeat.incident;

import java.time.Instant;

/** Corrections to an incident after the fact; null fields are left as they are. */
public record IncidentEdit(String title, String impact, Instant startedAt, String postmortem) {
}
