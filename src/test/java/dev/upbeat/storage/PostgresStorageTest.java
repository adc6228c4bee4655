package dev.upbeat.storage;

import dev.upbeat.testing.TestDatabases;

/** The storage contract on PostgreSQL, the production and multi-instance store. */
class PostgresStorageTest extends StorageContract {
    @Override
    String freshDatabaseUrl() {
        return TestDatabases.postgresql();
    }
}
