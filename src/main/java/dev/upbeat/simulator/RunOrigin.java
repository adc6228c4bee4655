package dev.upbeat.simulator;

import java.util.Locale;

/** What started a simulation: a run's {@code origin} in JSON and in the database. */
public enum RunOrigin {
    API, SCHEDULE, DRILL, ADMIN;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
