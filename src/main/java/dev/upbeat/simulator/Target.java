package dev.upbeat.simulator;

import java.net.URI;
import java.time.Instant;

/**
 * A dependency Upbeat stands in for: it listens on {@code listen} and proxies to {@code upstream}
 * while no fault is active; with no upstream it answers as in maintenance.
 */
public record Target(String name, Listen listen, URI upstream, Instant createdAt) {

    /** Whether a target has the same address and upstream as {@code other}, so one listener serves both. */
    boolean sameDefinition(Target other) {
        return listen.toString().equals(other.listen.toString()) && java.util.Objects.equals(upstream, other.upstream);
    }

    /** One instance's listener for a target: {@code listening}, or {@code failed} with the error. */
    public record Listener(String instance, String state, String error) {
    }
}
