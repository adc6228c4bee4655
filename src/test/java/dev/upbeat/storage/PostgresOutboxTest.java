package dev.upbeat.storage;

import dev.upbeat.testing.TestDatabases;

/** The outbox contract on PostgreSQL. */
class PostgresOutboxTest extends OutboxContract {
    @Override
    String freshDatabaseUrl() {
        return TestDatabases.postgresql();
    }
}
