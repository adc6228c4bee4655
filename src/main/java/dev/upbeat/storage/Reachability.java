package dev.upbeat.storage;

/**
 * Whether the database can be reached now, as this instance last saw it; what
 * {@code upbeat_database_up} reports. Whatever watches the database best (today the snapshot
 * refresh, which reads it on every tick) answers it.
 */
@FunctionalInterface
public interface Reachability {
    boolean reachable();
}
