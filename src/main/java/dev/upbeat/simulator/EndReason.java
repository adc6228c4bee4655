package dev.upbeat.simulator;

import java.util.Locale;

/** Why a simulation ended: a run's {@code end_reason} in JSON and in the database. */
public enum EndReason {
    EXPIRED, STOPPED, ABORTED, INTERRUPTED, TARGET_DELETED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
