package dev.upbeat.compat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Instants as each foreign API writes them: Statuspage with milliseconds and an offset
 * ({@code 2026-11-20T14:30:00.000Z}), Heroku to the second ({@code 2026-11-20T14:30:00Z}).
 * Always UTC; null stays null.
 */
final class Timestamps {
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX")
            .withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    static String statuspage(Instant instant) {
        return instant == null ? null : MILLIS.format(instant);
    }

    static String heroku(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
