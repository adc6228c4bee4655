package dev.upbeat.storage;

import dev.upbeat.testing.TestDatabases;

/** The probe contract on SQLite. */
class SqliteProbeTest extends ProbeContract {
    @Override
    String freshDatabaseUrl() {
        return TestDatabases.sqlite();
    }
}
