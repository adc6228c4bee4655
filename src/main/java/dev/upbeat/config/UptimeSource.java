package dev.upbeat.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a probed component's headline uptime (90-day bar and percentages) comes from: the status
 * history that incidents and manual changes write, the probes' measurements, or both side by
 * side (incidents as the headline, measurements shown next to them). Components without a probe
 * always use incidents.
 */
public enum UptimeSource {
    INCIDENTS, PROBES, BOTH;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<UptimeSource> fromWire(String s) {
        return Arrays.stream(values()).filter(v -> v.wire().equals(s)).findFirst();
    }
}
