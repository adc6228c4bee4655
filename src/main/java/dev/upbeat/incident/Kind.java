package dev.upbeat.incident;

/** Incidents and scheduled maintenance share one model, as in Statuspage's API. */
public enum Kind {
    INCIDENT, MAINTENANCE;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
