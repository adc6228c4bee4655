package dev.upbeat.simulator;

import java.time.Duration;
import java.util.List;

/**
 * What the proxy does with one request: wait {@code delay}, then either forward it (outcome null)
 * or answer with the outcome fault. {@code injected} lists the type of every fault that applied,
 * for the counters.
 */
public record Plan(Duration delay, Fault outcome, List<String> injected) {
    public static final Plan PASS = new Plan(Duration.ZERO, null, List.of());

    public boolean forwards() {
        return outcome == null;
    }
}
