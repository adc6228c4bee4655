package dev.upbeat.component;

import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;

/**
 * The five states a component can be in, ordered by severity so that the worst of several
 * holders wins. Maintenance ranks below any degradation: an outage during a maintenance
 * window is still shown as an outage.
 */
public enum ComponentStatus {
    OPERATIONAL("operational"),
    UNDER_MAINTENANCE("under_maintenance"),
    DEGRADED_PERFORMANCE("degraded_performance"),
    PARTIAL_OUTAGE("partial_outage"),
    MAJOR_OUTAGE("major_outage");

    private final String wire;

    ComponentStatus(String wire) {
        this.wire = wire;
    }

    /** The lower_snake name used in JSON and in the database. */
    public String wire() {
        return wire;
    }

    public static Optional<ComponentStatus> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wire.equals(value)).findFirst();
    }

    public static String allowedValues() {
        return String.join(", ", Arrays.stream(values()).map(ComponentStatus::wire).toList());
    }

    public boolean isWorseThan(ComponentStatus other) {
        return ordinal() > other.ordinal();
    }

    /** The most severe of the given statuses, or operational when there are none. */
    public static ComponentStatus worst(Collection<ComponentStatus> statuses) {
        return statuses.stream().reduce(OPERATIONAL, (a, b) -> b.isWorseThan(a) ? b : a);
    }
}
