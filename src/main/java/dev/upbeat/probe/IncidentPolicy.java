package dev.upbeat.probe;

/**
 * Whether a probe opens and resolves incidents on its component, and after how many consecutive
 * failures and successes. Off unless asked for.
 */
public record IncidentPolicy(boolean autoIncident, int failuresToOpen, int successesToResolve) {
    public static final int DEFAULT_FAILURES = 3;
    public static final int DEFAULT_SUCCESSES = 2;
}
