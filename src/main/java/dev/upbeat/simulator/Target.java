package dev.upbeat.simulator;

import java.net.URI;
import java.time.Instant;

/**
 * A dependency Upbeat stands in for: it listens on {@code listen} and proxies to {@code upstream}
 * while no fault is active; with no upstream it answers as in maintenance.
 */
public record Target(String name, Listen listen, URI upstream, Instant createdAt) {
}
