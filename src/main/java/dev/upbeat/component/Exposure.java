package dev.upbeat.component;

import java.util.Arrays;
import java.util.Optional;

/** Who can reach a component: anyone on the internet, or only the inside of the organisation. */
public enum Exposure {
    INTERNET("internet"),
    INTERNAL("internal");

    private final String wire;

    Exposure(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<Exposure> fromWire(String value) {
        return Arrays.stream(values()).filter(e -> e.wire.equals(value)).findFirst();
    }

    public static String allowedValues() {
        return String.join(", ", Arrays.stream(values()).map(Exposure::wire).toList());
    }
}
