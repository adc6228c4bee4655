package dev.upbeat.storage;

/**
 * Whether the database can be reached now, as this instance last saw it; what
 * {@code upbeat_database_up} reports. The breaker answers it: down from the first failed connect
 * until its probe reaches the database again.
 */
@FunctionalInterface
public interface Reachability {
    boolean reachable();
}
