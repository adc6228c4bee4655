package dev.upbeat.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.upbeat.config.ConfigException;
import dev.upbeat.testing.TestDatabases;
import dev.upbeat.testing.TestUpbeat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Targets declared in the UPBEAT_SIM_TARGETS file. */
class DeclaredTargetsTest {

    @Test
    void declared_targets_listen_at_start_and_a_changed_upstream_is_applied_at_the_next() throws Exception {
        Path file = Files.createTempFile("targets", ".json");
        Files.writeString(file, "[{\"name\":\"platform-api\",\"listen\":\"127.0.0.1:0\"}]");
        String db = TestDatabases.sqlite();
        try (TestUpbeat t = TestUpbeat.started(db, Map.of("UPBEAT_SIM_TARGETS", file.toString()))) {
            Target target = t.upbeat.simulator().target("platform-api");
            assertThat(target.upstream()).isNull();
            assertThat(new dev.upbeat.testing.Http("http://" + target.listen()).get("/").status()).isEqualTo(503);
        }
        Files.writeString(file, "[{\"name\":\"platform-api\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"https://api.example.com\"}]");
        try (TestUpbeat t = TestUpbeat.started(db, Map.of("UPBEAT_SIM_TARGETS", file.toString()))) {
            assertThat(t.upbeat.simulator().targets()).singleElement()
                    .satisfies(x -> assertThat(x.upstream()).hasToString("https://api.example.com"));
        }
    }

    @Test
    void a_declared_tcp_target_is_a_tcp_proxy_and_a_changed_kind_is_applied_at_the_next_start() throws Exception {
        Path file = Files.createTempFile("targets", ".json");
        Files.writeString(file, "[{\"name\":\"cache\",\"kind\":\"tcp\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"127.0.0.1:6379\"}]");
        String db = TestDatabases.sqlite();
        try (TestUpbeat t = TestUpbeat.started(db, Map.of("UPBEAT_SIM_TARGETS", file.toString()))) {
            Target target = t.upbeat.simulator().target("cache");
            assertThat(target.kind()).isEqualTo(TargetKind.TCP);
            assertThat(target.upstreamText()).isEqualTo("127.0.0.1:6379");
        }
        Files.writeString(file, "[{\"name\":\"cache\",\"listen\":\"127.0.0.1:0\"}]");
        try (TestUpbeat t = TestUpbeat.started(db, Map.of("UPBEAT_SIM_TARGETS", file.toString()))) {
            assertThat(t.upbeat.simulator().target("cache").kind()).isEqualTo(TargetKind.HTTP);
        }
        Files.writeString(file, "[{\"name\":\"cache\",\"kind\":\"tcp\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"redis\"}]");
        assertThatThrownBy(() -> TestUpbeat.started(TestDatabases.sqlite(), Map.of("UPBEAT_SIM_TARGETS", file.toString())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("UPBEAT_SIM_TARGETS entry 0 (cache)")
                .hasMessageContaining("upstream of a tcp target must be host:port");
    }

    @Test
    void a_bad_declaration_stops_startup_naming_the_key_and_the_field() throws Exception {
        Path file = Files.createTempFile("targets", ".json");
        Files.writeString(file, "[{\"name\":\"ok\",\"listen\":\"nowhere\"}]");
        assertThatThrownBy(() -> TestUpbeat.started(TestDatabases.sqlite(), Map.of("UPBEAT_SIM_TARGETS", file.toString())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("UPBEAT_SIM_TARGETS entry 0 (ok)")
                .hasMessageContaining("listen must be host:port");
    }
}
