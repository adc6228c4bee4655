package dev.upbeat.status;

import dev.upbeat.component.ComponentStatus;
import java.util.Collection;

/**
 * The one rule for summarising several component statuses: the worst wins, and each level has
 * one sentence for people.
 */
public final class StatusRollup {
    private StatusRollup() {
    }

    public static ComponentStatus overall(Collection<ComponentStatus> statuses) {
        return ComponentStatus.worst(statuses);
    }

    public static String describe(ComponentStatus overall) {
        return switch (overall) {
            case OPERATIONAL -> "All Systems Operational";
            case UNDER_MAINTENANCE -> "Service Under Maintenance";
            case DEGRADED_PERFORMANCE -> "Partially Degraded Service";
            case PARTIAL_OUTAGE -> "Partial System Outage";
            case MAJOR_OUTAGE -> "Major System Outage";
        };
    }

    /** Words for one component's status, as shown next to it on the page. */
    public static String words(ComponentStatus status) {
        return switch (status) {
            case OPERATIONAL -> "Operational";
            case UNDER_MAINTENANCE -> "Under maintenance";
            case DEGRADED_PERFORMANCE -> "Degraded performance";
            case PARTIAL_OUTAGE -> "Partial outage";
            case MAJOR_OUTAGE -> "Major outage";
        };
    }
}
