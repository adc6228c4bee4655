package dev.upbeat.compat;

import dev.upbeat.component.ComponentStatus;
import dev.upbeat.incident.IncidentStatus;
import dev.upbeat.incident.IncidentUpdate;
import dev.upbeat.incident.Kind;

/**
 * The one translation of Upbeat's words into Heroku's and Statuspage's. Component statuses need
 * none for Statuspage (the five words are Statuspage's own), and the overall indicator and its
 * description come from {@link dev.upbeat.status.StatusRollup}; everything else that differs is
 * here, so docs/api.md can show it as one table.
 */
public final class Vocabulary {
    private Vocabulary() {
    }

    /**
     * Heroku's traffic light. Only green, yellow and red: the Heroku CLI calls the colour as a
     * function name, so anything else would crash it. Red means some part is down; yellow means it
     * works but not fully, which includes planned maintenance, so "No known issues" is never
     * printed while work is under way.
     */
    public static String colour(ComponentStatus status) {
        return switch (status) {
            case OPERATIONAL -> "green";
            case UNDER_MAINTENANCE, DEGRADED_PERFORMANCE -> "yellow";
            case PARTIAL_OUTAGE, MAJOR_OUTAGE -> "red";
        };
    }

    /**
     * Heroku's {@code state}. Consumers test for {@code resolved}, so every closed status says so;
     * maintenance reads {@code upcoming} until it starts, as on status.heroku.com.
     */
    static String herokuState(IncidentStatus status) {
        return switch (status) {
            case INVESTIGATING, IDENTIFIED, MONITORING -> status.wire();
            case SCHEDULED -> "upcoming";
            case IN_PROGRESS, VERIFYING -> "in_progress";
            case RESOLVED, POSTMORTEM, COMPLETED, CANCELLED -> "resolved";
        };
    }

    /**
     * Heroku's {@code update_type}: an update that closes says {@code resolved}; otherwise the first
     * one opens the story ({@code issue}, or {@code scheduled} for maintenance) and the rest are
     * {@code update}s, a postmortem included.
     */
    static String updateType(Kind kind, IncidentUpdate update, boolean first) {
        return switch (update.status()) {
            case RESOLVED, COMPLETED, CANCELLED -> "resolved";
            case INVESTIGATING, IDENTIFIED, MONITORING, POSTMORTEM, SCHEDULED, IN_PROGRESS, VERIFYING ->
                    first ? openingUpdateType(kind) : "update";
        };
    }

    static String openingUpdateType(Kind kind) {
        return kind == Kind.MAINTENANCE ? "scheduled" : "issue";
    }

    /**
     * Statuspage's status of an incident, a maintenance or an update. Statuspage has no word for a
     * maintenance called off: {@code cancelled} reads {@code completed}, the only closed status it
     * knows, and the update posted on cancelling says why.
     */
    static String statuspageStatus(IncidentStatus status) {
        return status == IncidentStatus.CANCELLED ? IncidentStatus.COMPLETED.wire() : status.wire();
    }
}
