package dev.upbeat.storage;

import dev.upbeat.testing.TestDatabases;

/** The storage contract on SQLite, the default store. */
class SqliteStorageTest extends StorageContract {
    @Override
    String freshDatabaseUrl() {
        return TestDatabases.sqlite();
    }
}
