package dev.upbeat.site;

import dev.upbeat.component.ComponentStatus;
import dev.upbeat.incident.Impact;

/**
 * The one mapping from statuses and downtime to the page's colour classes. Colour is never the
 * only signal: every coloured thing also carries words.
 */
public final class Colors {
    private Colors() {
    }

    /** Heroku's circles: green, yellow or red, and blue for maintenance. */
    public static String circle(ComponentStatus status) {
        return switch (status) {
            case OPERATIONAL -> "green";
            case UNDER_MAINTENANCE -> "blue";
            case DEGRADED_PERFORMANCE -> "yellow";
            case PARTIAL_OUTAGE, MAJOR_OUTAGE -> "red";
        };
    }

    /** A day's bar by weighted downtime minutes, with Statuspage's thresholds; unknown is grey. */
    public static String day(Double downtimeMinutes) {
        if (downtimeMinutes == null) {
            return "unknown";
        }
        if (downtimeMinutes < 1) {
            return "green";
        }
        if (downtimeMinutes < 20) {
            return "yellow";
        }
        return downtimeMinutes < 60 ? "orange" : "red";
    }

    /** Incident severity on the timeline and in boxes. */
    public static String impact(Impact impact) {
        return switch (impact) {
            case CRITICAL -> "red";
            case MAJOR -> "orange";
            case MINOR -> "yellow";
            case MAINTENANCE -> "blue";
            case NONE -> "grey";
        };
    }
}
