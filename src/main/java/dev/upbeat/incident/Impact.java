package dev.upbeat.incident;

import dev.upbeat.component.ComponentStatus;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** How bad an incident is for users; maintenance always has the impact {@code maintenance}. */
public enum Impact {
    NONE, MINOR, MAJOR, CRITICAL, MAINTENANCE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Impact> fromIncidentWire(String value) {
        return Arrays.stream(values()).filter(i -> i != MAINTENANCE && i.wire().equals(value)).findFirst();
    }

    public static Optional<Impact> fromWire(String value) {
        return Arrays.stream(values()).filter(i -> i.wire().equals(value)).findFirst();
    }

    /** The impacts an incident may be given (maintenance is implied by the kind), for refusals. */
    public static final String INCIDENT_VALUES = Arrays.stream(values()).filter(i -> i != MAINTENANCE).map(Impact::wire)
            .collect(Collectors.joining(", "));

    /** The impact an incident has when the caller does not say: from the worst component status. */
    public static Impact impliedBy(ComponentStatus worst) {
        return switch (worst) {
            case OPERATIONAL, UNDER_MAINTENANCE -> NONE;
            case DEGRADED_PERFORMANCE -> MINOR;
            case PARTIAL_OUTAGE -> MAJOR;
            case MAJOR_OUTAGE -> CRITICAL;
        };
    }
}
