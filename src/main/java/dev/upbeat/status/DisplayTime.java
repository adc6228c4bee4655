package dev.upbeat.status;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The one way times are written for people (pages, feeds): "3 Dec 2026 02:00 CET" in the page's zone. */
public final class DisplayTime {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm zzz", Locale.ENGLISH);

    private DisplayTime() {
    }

    /** The time in {@code zone}, or "" for none. */
    public static String format(Instant instant, ZoneId zone) {
        return instant == null ? "" : FORMAT.format(instant.atZone(zone));
    }
}
