package dev.upbeat.status;

import java.util.Map;

/**
 * The answers of a feature's public endpoints that take no parameters, made from one snapshot.
 * {@link StatusSnapshots} serialises them once per rebuild into {@link PublicStatus#rendered()},
 * so a read only copies bytes. Keys must be unique across all features; implementations must be
 * pure (no database, no clock: the snapshot carries the time).
 */
@FunctionalInterface
public interface FixedBodies {
    Map<String, Object> of(PublicStatus snapshot);
}
