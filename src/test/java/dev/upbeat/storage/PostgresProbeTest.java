package dev.upbeat.storage;

import dev.upbeat.testing.TestDatabases;

/** The probe contract on PostgreSQL. */
class PostgresProbeTest extends ProbeContract {
    @Override
    String freshDatabaseUrl() {
        return TestDatabases.postgresql();
    }
}
