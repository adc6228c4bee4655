package dev.upbeat.inventory;

import java.util.Arrays;
import java.util.Optional;

/** What a component can declare it depends on. */
public enum LinkKind {
    COMPONENT("component"),
    TARGET("target");

    private final String wire;

    LinkKind(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<LinkKind> fromWire(String value) {
        return Arrays.stream(values()).filter(k -> k.wire.equals(value)).findFirst();
    }
}
