package dev.upbeat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upbeat.testing.TestDatabases;
import dev.upbeat.testing.TestUpbeat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** upbeat advisory add, exposure, actions and show against a running Upbeat, in a separate JVM. */
class AdvisoryCommandTest {

    @Test
    void an_advisory_is_entered_triaged_and_its_action_items_moved_from_the_command_line() throws Exception {
        try (TestUpbeat t = TestUpbeat.started()) {
            t.http.post("/api/v1/components", "{\"name\":\"Platform API\"}");
            t.http.post("/api/v1/components/platform-api/packages", "{\"purl\":\"pkg:generic/openssl@3.0.5\"}");
            Map<String, String> env = Map.of("UPBEAT_URL", "http://127.0.0.1:" + t.upbeat.port(), "UPBEAT_TOKEN", TestUpbeat.ADMIN_TOKEN);
            String db = TestDatabases.sqlite();

            CliRun add = CliRun.of(db, env, "advisory", "add", "--title", "OpenSSL 3.0 fix", "--severity", "high",
                    "--disclosure", "2030-11-01T13:00:00Z", "--affected", "pkg:generic/openssl vers:generic/>=3.0.0|<3.0.7");
            assertThat(add.exit()).as(add.err()).isZero();
            assertThat(add.out()).contains("Advisory 1: OpenSSL 3.0 fix");

            CliRun exposure = CliRun.of(db, env, "advisory", "exposure", "1");
            assertThat(exposure.out()).containsPattern("\\d+\\s+exposed\\s+platform-api");

            CliRun actions = CliRun.of(db, env, "advisory", "actions", "1");
            assertThat(actions.out()).containsPattern("1\\s+open\\s+platform-api\\s+\\(no owner\\)\\s+due 2030-11-01T13:00:00.000Z");

            CliRun refused = CliRun.of(db, env, "advisory", "actions", "1", "--move", "1", "--state", "wont_fix");
            assertThat(refused.exit()).isEqualTo(1);
            assertThat(refused.err()).contains("422").contains("needs a reason");
            CliRun moved = CliRun.of(db, env, "advisory", "actions", "1", "--move", "1", "--state", "wont_fix", "--reason", "Retired");
            assertThat(moved.exit()).as(moved.err()).isZero();
            assertThat(moved.out()).contains("wont_fix");

            assertThat(CliRun.of(db, env, "advisory", "show", "1").out()).contains("\"title\" : \"OpenSSL 3.0 fix\"");
        }
    }
}
