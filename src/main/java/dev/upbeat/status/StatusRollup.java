package dev.upbeat.status;

import dev.upbeat.component.ComponentStatus;
import dev.upbeat.incident.IncidentStatus;
import java.util.Collection;

/**
 * The one rule for summarising several component statuses: the worst wins, and each level has
 * one sentence for people and one Statuspage indicator for machines. Also the one place for the
 * words people read for each component and incident status.
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

    /**
     * Statuspage's {@code status.indicator} for the overall status: the documented none, minor,
     * major and critical, plus {@code maintenance}, which Atlassian's own widget styles, when the
     * worst thing happening is planned work. Paired with {@link #describe}, never computed apart.
     */
    public static String indicator(ComponentStatus overall) {
        return switch (overall) {
            case OPERATIONAL -> "none";
            case UNDER_MAINTENANCE -> "maintenance";
            case DEGRADED_PERFORMANCE -> "minor";
            case PARTIAL_OUTAGE -> "major";
            case MAJOR_OUTAGE -> "critical";
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

    /** Words for an incident's or a maintenance's lifecycle status, as shown with each update. */
    public static String words(IncidentStatus status) {
        return switch (status) {
            case INVESTIGATING -> "Investigating";
            case IDENTIFIED -> "Identified";
            case MONITORING -> "Monitoring";
            case RESOLVED -> "Resolved";
            case POSTMORTEM -> "Postmortem";
            case SCHEDULED -> "Scheduled";
            case IN_PROGRESS -> "In progress";
            case VERIFYING -> "Verifying";
            case COMPLETED -> "Completed";
            case CANCELLED -> "Cancelled";
        };
    }
}
