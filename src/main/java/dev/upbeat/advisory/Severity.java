package dev.upbeat.advisory;

import java.util.Arrays;
import java.util.Optional;

/** How bad an advisory is, lowest first; {@code weight} is its factor in a triage priority. */
public enum Severity {
    LOW("low", 1),
    MEDIUM("medium", 2),
    HIGH("high", 3),
    CRITICAL("critical", 4);

    private final String wire;
    private final int weight;

    Severity(String wire, int weight) {
        this.wire = wire;
        this.weight = weight;
    }

    public String wire() {
        return wire;
    }

    int weight() {
        return weight;
    }

    public static Optional<Severity> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wire.equals(value)).findFirst();
    }

    public static String allowedValues() {
        return String.join(", ", Arrays.stream(values()).map(Severity::wire).toList());
    }
}
