package dev.upbeat.simulator;

import dev.upbeat.problem.Problem;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a target proxies, a target's {@code kind}: {@code http} (a fault proxy, simulations carry
 * HTTP faults) or {@code tcp} (a TCP proxy, simulations carry Toxiproxy's toxics).
 */
public enum TargetKind {
    HTTP, TCP;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind named in a request; absent is {@code http}, as every target was before TCP. */
    public static TargetKind parse(String value) {
        if (value == null || value.isBlank()) {
            return HTTP;
        }
        return Arrays.stream(values()).filter(k -> k.wire().equals(value.strip())).findFirst()
                .orElseThrow(() -> Problem.invalid("kind", "kind must be one of " + allowedValues() + "; got '" + value + "'"));
    }

    public static List<String> allowedValues() {
        return Arrays.stream(values()).map(TargetKind::wire).toList();
    }
}
