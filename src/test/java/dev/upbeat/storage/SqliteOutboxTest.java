package dev.upbeat.storage;

import dev.upbeat.testing.TestDatabases;

/** The outbox contract on Sqlite. */
class SqliteOutboxTest extends OutboxContract {
    @Override
    String freshDatabaseUrl() {
        return TestDatabases.sqlite();
    }
}
