package dev.upbeat.storage;

import dev.upbeat.testing.TestDatabases;

/** The second-factor contract on PostgreSQL. */
class PostgresSecondFactorTest extends SecondFactorContract {
    @Override
    String freshDatabaseUrl() {
        return TestDatabases.postgresql();
    }
}
