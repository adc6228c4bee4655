package dev.upbeat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upbeat.testing.TestDatabases;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code upbeat serve} on a database it cannot write stops at once with one line naming the file. */
class ServeOnReadOnlyDatabaseTest {

    @Test
    void serve_refuses_a_read_only_database_file_naming_it() throws Exception {
        String url = TestDatabases.sqlite();
        try (var c = DriverManager.getConnection(url)) {
            c.createStatement().execute("CREATE TABLE made_before (id INTEGER)");
        }
        String file = url.substring("jdbc:sqlite:".length());
        // Opened read-only (SQLITE_OPEN_READONLY), as a read-only mount would: root ignores file modes.
        CliRun run = CliRun.of(url + "?open_mode=1", Map.of("PORT", "0"), "serve");
        assertThat(run.exit()).isEqualTo(1);
        List<String> said = run.err().lines().filter(line -> line.startsWith("upbeat: ")).toList();
        assertThat(said).as(run.err()).hasSize(1);
        assertThat(said.get(0)).contains("The database file " + file + " is read-only");
        assertThat(run.err()).as("no stack trace").doesNotContain("\tat ");
    }
}
