package dev.upbeat.advisory;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a draft posts as: an incident or a maintenance window. */
public enum DraftKind {
    INCIDENT, MAINTENANCE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DraftKind> fromWire(String value) {
        return Arrays.stream(values()).filter(k -> k.wire().equals(value)).findFirst();
    }

    public static String allowedValues() {
        return "incident, maintenance";
    }
}
