package dev.upbeat.advisory;

import java.util.Arrays;
import java.util.Optional;

/**
 * What triage says of one component against one advisory. {@code UNKNOWN} is a component with no
 * inventory: it is never reported as not exposed, because nobody has said what it runs.
 * {@code weight} is the state's factor in the priority (not exposed: 0, so it sorts last).
 */
public enum ExposureState {
    EXPOSED("exposed", 3),
    POSSIBLY_EXPOSED("possibly_exposed", 2),
    UNKNOWN("unknown", 1),
    NOT_EXPOSED("not_exposed", 0);

    private final String wire;
    private final int weight;

    ExposureState(String wire, int weight) {
        this.wire = wire;
        this.weight = weight;
    }

    public String wire() {
        return wire;
    }

    int weight() {
        return weight;
    }

    public static Optional<ExposureState> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wire.equals(value)).findFirst();
    }
}
