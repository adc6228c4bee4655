package dev.upbeat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upbeat.testing.TestDatabases;
import dev.upbeat.testing.TestUpbeat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** upbeat probe list|add|remove against a running Upbeat, in a separate JVM as an operator runs it. */
class ProbeCommandTest {

    @Test
    void probes_are_added_listed_and_removed_through_the_api() throws Exception {
        try (TestUpbeat t = TestUpbeat.started()) {
            t.http.post("/api/v1/components", "{\"name\":\"Web\"}");
            Map<String, String> env = Map.of("UPBEAT_URL", "http://127.0.0.1:" + t.upbeat.port(), "UPBEAT_TOKEN", TestUpbeat.ADMIN_TOKEN);
            String db = TestDatabases.sqlite();

            CliRun added = CliRun.of(db, env, "probe", "add", "web", "http://127.0.0.1:9/health", "--component", "web",
                    "--interval", "PT1M", "--auto-incident");
            assertThat(added.exit()).as(added.err()).isZero();
            String id = added.out().strip();
            assertThat(t.http.get("/api/v1/probes", "Authorization", "Bearer " + TestUpbeat.ADMIN_TOKEN).body())
                    .contains("\"id\":\"" + id + "\"").contains("\"auto_incident\":true");

            CliRun listed = CliRun.of(db, env, "probe", "list");
            assertThat(listed.out()).contains(id).contains("http://127.0.0.1:9/health").contains("web");

            CliRun bad = CliRun.of(db, env, "probe", "add", "bad", "ftp://example.com");
            assertThat(bad.exit()).isEqualTo(1);
            assertThat(bad.err()).contains("422").contains("url");

            assertThat(CliRun.of(db, env, "probe", "remove", id).out()).contains("removed");
            assertThat(CliRun.of(db, env, "probe", "list").out()).doesNotContain(id);
        }
    }
}
