package dev.upbeat.incident;

import dev.upbeat.problem.Problem;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Reads maintenance times and zones, naming the field when they cannot be read. */
final class WindowTime {
    private WindowTime() {
    }

    static ZoneId zone(String field, String value) {
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw Problem.invalid(field, field + " must be an IANA time zone such as Europe/Paris; got '" + value + "'");
        }
    }

    /** An instant from a time with offset, or from a local time in {@code zone} (DST gaps move forward). */
    static Instant instant(String field, String value, ZoneId zone) {
        if (value == null || value.isBlank()) {
            throw Problem.invalid(field, field + " is required, e.g. 2026-12-01T02:00 or 2026-12-01T02:00:00Z");
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(value).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                throw Problem.invalid(field, field + " must be an ISO 8601 date-time such as 2026-12-01T02:00 "
                        + "(local to time_zone) or 2026-12-01T02:00:00Z; got '" + value + "'");
            }
        }
    }
}
