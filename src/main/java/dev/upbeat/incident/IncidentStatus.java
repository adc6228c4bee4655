package dev.upbeat.incident;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The lifecycle of incidents (investigating .. postmortem) and of maintenance (scheduled ..
 * completed, or cancelled), with the only rule for which move is allowed from where.
 */
public enum IncidentStatus {
    INVESTIGATING(Kind.INCIDENT, true),
    IDENTIFIED(Kind.INCIDENT, true),
    MONITORING(Kind.INCIDENT, true),
    RESOLVED(Kind.INCIDENT, false),
    POSTMORTEM(Kind.INCIDENT, false),
    SCHEDULED(Kind.MAINTENANCE, false),
    IN_PROGRESS(Kind.MAINTENANCE, true),
    VERIFYING(Kind.MAINTENANCE, true),
    COMPLETED(Kind.MAINTENANCE, false),
    CANCELLED(Kind.MAINTENANCE, false);

    private final Kind kind;
    private final boolean holdsComponents;

    IncidentStatus(Kind kind, boolean holdsComponents) {
        this.kind = kind;
        this.holdsComponents = holdsComponents;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Kind kind() {
        return kind;
    }

    /** True while the incident or maintenance sets the status of its components. */
    public boolean holdsComponents() {
        return holdsComponents;
    }

    /** True until the incident is resolved or the maintenance is over. */
    public boolean isOpen() {
        return switch (this) {
            case INVESTIGATING, IDENTIFIED, MONITORING, SCHEDULED, IN_PROGRESS, VERIFYING -> true;
            case RESOLVED, POSTMORTEM, COMPLETED, CANCELLED -> false;
        };
    }

    public static Optional<IncidentStatus> fromWire(Kind kind, String value) {
        return Arrays.stream(values()).filter(s -> s.kind == kind && s.wire().equals(value)).findFirst();
    }

    public static String allowedValues(Kind kind) {
        return Arrays.stream(values()).filter(s -> s.kind == kind).map(IncidentStatus::wire)
                .collect(Collectors.joining(", "));
    }

    /** Where an incident or maintenance in this status may go next (staying put is allowed while open). */
    public Set<IncidentStatus> next() {
        return switch (this) {
            case INVESTIGATING, IDENTIFIED, MONITORING -> EnumSet.of(INVESTIGATING, IDENTIFIED, MONITORING, RESOLVED);
            case RESOLVED, POSTMORTEM -> EnumSet.of(POSTMORTEM);
            case SCHEDULED -> EnumSet.of(SCHEDULED, IN_PROGRESS, COMPLETED, CANCELLED);
            case IN_PROGRESS, VERIFYING -> EnumSet.of(IN_PROGRESS, VERIFYING, COMPLETED, CANCELLED);
            case COMPLETED, CANCELLED -> EnumSet.noneOf(IncidentStatus.class);
        };
    }

    public boolean canMoveTo(IncidentStatus target) {
        return next().contains(target);
    }
}
