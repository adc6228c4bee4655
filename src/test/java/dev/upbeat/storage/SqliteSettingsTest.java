package dev.upbeat.storage;

import dev.upbeat.config.DatabaseUrl;
import dev.upbeat.testing.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** SQLite runs with the settings Upbeat relies on: write-ahead log, a busy timeout, foreign keys enforced. */
class SqliteSettingsTest {

    @Test
    void every_connection_has_wal_a_busy_timeout_and_foreign_keys_on() {
        try (Database db = Database.open(DatabaseUrl.parse(TestDatabases.sqlite(), Path.of(".")))) {
            db.migrate();
            String journal = db.read(tx -> tx.handle().createQuery("PRAGMA journal_mode").mapTo(String.class).one());
            int timeout = db.read(tx -> tx.handle().createQuery("PRAGMA busy_timeout").mapTo(Integer.class).one());
            int foreignKeys = db.read(tx -> tx.handle().createQuery("PRAGMA foreign_keys").mapTo(Integer.class).one());
            assertThat(journal).isEqualToIgnoringCase("wal");
            assertThat(timeout).isEqualTo(10_000);
            assertThat(foreignKeys).isEqualTo(1);
        }
    }
}
