package dev.upbeat.storage;

import dev.upbeat.testing.TestDatabases;

/** The second-factor contract on SQLite. */
class SqliteSecondFactorTest extends SecondFactorContract {
    @Override
    String freshDatabaseUrl() {
        return TestDatabases.sqlite();
    }
}
