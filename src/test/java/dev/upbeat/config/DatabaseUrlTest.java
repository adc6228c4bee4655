package dev.upbeat.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DatabaseUrlTest {
    private final Path data = Path.of("/var/lib/upbeat");

    @Test
    void unset_means_a_sqlite_file_in_the_data_directory() {
        DatabaseUrl url = DatabaseUrl.parse(null, data);
        assertThat(url.kind()).isEqualTo(DatabaseUrl.Kind.SQLITE);
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:sqlite:/var/lib/upbeat/upbeat.db");
        assertThat(url.sqliteFile()).isEqualTo(Path.of("/var/lib/upbeat/upbeat.db"));
    }

    @Test
    void heroku_style_postgres_urls_become_jdbc_urls_with_credentials() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://alice:s%3Acret@db.example.com:6543/status?sslmode=require", data);
        assertThat(url.kind()).isEqualTo(DatabaseUrl.Kind.POSTGRESQL);
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:6543/status?sslmode=require");
        assertThat(url.user()).isEqualTo("alice");
        assertThat(url.password()).isEqualTo("s:cret");
        assertThat(url.describe()).doesNotContain("s:cret").doesNotContain("s%3Acret");
    }

    @Test
    void jdbc_urls_are_taken_as_they_are() {
        assertThat(DatabaseUrl.parse("jdbc:postgresql://localhost/upbeat?user=u&password=p", data).describe())
                .isEqualTo("jdbc:postgresql://localhost/upbeat?user=u&password=***");
        assertThat(DatabaseUrl.parse("jdbc:sqlite:/tmp/x.db", data).sqliteFile()).isEqualTo(Path.of("/tmp/x.db"));
        assertThat(DatabaseUrl.parse("postgresql://u@h/db", data).jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/db");
    }

    @Test
    void other_schemes_are_refused_with_the_accepted_forms_named() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://root:pw@localhost/db", data))
                .hasMessageContaining("jdbc:sqlite:").hasMessageContaining("postgres://").hasMessageNotContaining(":pw@");
    }

    @Test
    void a_relative_sqlite_file_is_described_by_its_absolute_path() {
        DatabaseUrl url = DatabaseUrl.parse("", Path.of("data"));
        assertThat(url.describe()).isEqualTo("SQLite file " + Path.of("data", "upbeat.db").toAbsolutePath());
    }
}
