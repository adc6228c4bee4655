package dev.upbeat.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.upbeat.component.ComponentDraft;
import dev.upbeat.config.ConfigException;
import dev.upbeat.testing.TestDatabases;
import dev.upbeat.testing.TestUpbeat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Probes declared in UPBEAT_PROBES_FILE: created, changed by name on the next start, refused naming the entry. */
class DeclaredProbesTest {
    @TempDir
    Path dir;

    private TestUpbeat upbeatWith(Path file) {
        TestUpbeat t = TestUpbeat.services(TestDatabases.sqlite(), Map.of("UPBEAT_PROBES_FILE", file.toString()));
        t.upbeat.components().create(ComponentDraft.builder().id("api").name("API").build());
        return t;
    }

    @Test
    void a_declared_probe_is_created_and_then_changed_by_name() throws IOException {
        Path file = Files.writeString(dir.resolve("probes.json"),
                "[{\"name\":\"api health\",\"url\":\"https://api.example.test/health\",\"interval\":\"PT30S\",\"component\":\"api\"}]");
        try (TestUpbeat t = upbeatWith(file)) {
            t.upbeat.probes().declareFromFile();
            Files.writeString(file, "[{\"name\":\"api health\",\"url\":\"tcp://api.example.test:443\",\"interval\":\"PT2M\",\"component\":\"api\"}]");
            t.upbeat.probes().declareFromFile();

            assertThat(t.upbeat.probes().service().list()).singleElement().satisfies(p -> {
                assertThat(p.id()).isEqualTo("api-health");
                assertThat(p.kind()).isEqualTo("tcp");
                assertThat(p.interval()).hasMinutes(2);
            });
        }
    }

    @Test
    void a_bad_entry_stops_startup_naming_its_position_and_field() throws IOException {
        Path file = Files.writeString(dir.resolve("probes.json"), """
                [{"name":"ok","url":"https://api.example.test/","component":"api"},
                 {"name":"bad","url":"https://api.example.test/","component":"api","interval":"often"}]""");
        try (TestUpbeat t = upbeatWith(file)) {
            assertThatThrownBy(() -> t.upbeat.probes().declareFromFile()).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("probe 2").hasMessageContaining("interval must be an ISO 8601 duration");
        }
    }
}
