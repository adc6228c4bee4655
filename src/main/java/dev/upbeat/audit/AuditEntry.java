package dev.upbeat.audit;

import java.time.Instant;

/**
 * One change: who made it ({@code actor}: an email, or {@code cli}), what it was ({@code action},
 * such as {@code incident.open}), what it touched ({@code subject}) and a short detail.
 */
public record AuditEntry(long id, Instant at, String actor, String action, String subject, String detail) {
}
