package dev.upbeat.notification;

import dev.upbeat.incident.Incident;
import dev.upbeat.incident.IncidentStatus;
import dev.upbeat.incident.Kind;
import java.util.Locale;

/** What a notification tells: which step of an incident or a maintenance it announces. */
public enum EventKind {
    INCIDENT_OPENED("New incident"),
    INCIDENT_UPDATED("Incident update"),
    INCIDENT_RESOLVED("Resolved"),
    MAINTENANCE_SCHEDULED("Maintenance scheduled"),
    MAINTENANCE_STARTED("Maintenance started"),
    MAINTENANCE_UPDATED("Maintenance update"),
    MAINTENANCE_COMPLETED("Maintenance completed"),
    MAINTENANCE_CANCELLED("Maintenance cancelled");

    private final String label;

    EventKind(String label) {
        this.label = label;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Words that lead a subject line or chat message. */
    public String label() {
        return label;
    }

    /** The kind of an update that moved {@code incident} from {@code previous} (null: it was just created). */
    static EventKind of(IncidentStatus previous, Incident incident) {
        IncidentStatus now = incident.status();
        if (incident.kind() == Kind.INCIDENT) {
            if (previous == null) {
                return INCIDENT_OPENED;
            }
            return now == IncidentStatus.RESOLVED && previous != IncidentStatus.RESOLVED ? INCIDENT_RESOLVED : INCIDENT_UPDATED;
        }
        if (previous == null) {
            return MAINTENANCE_SCHEDULED;
        }
        return switch (now) {
            case IN_PROGRESS -> previous == IncidentStatus.SCHEDULED ? MAINTENANCE_STARTED : MAINTENANCE_UPDATED;
            case COMPLETED -> MAINTENANCE_COMPLETED;
            case CANCELLED -> MAINTENANCE_CANCELLED;
            case SCHEDULED, VERIFYING, INVESTIGATING, IDENTIFIED, MONITORING, RESOLVED, POSTMORTEM -> MAINTENANCE_UPDATED;
        };
    }
}
