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

    @Test
    void a_draft_is_prepared_listed_and_posted_and_the_notice_published_from_the_command_line() throws Exception {
        try (TestUpbeat t = TestUpbeat.started()) {
            t.http.post("/api/v1/components", "{\"name\":\"Platform API\"}");
            t.http.post("/api/v1/components/platform-api/packages", "{\"purl\":\"pkg:generic/openssl@3.0.5\"}");
            Map<String, String> env = Map.of("UPBEAT_URL", "http://127.0.0.1:" + t.upbeat.port(), "UPBEAT_TOKEN", TestUpbeat.ADMIN_TOKEN);
            String db = TestDatabases.sqlite();
            assertThat(CliRun.of(db, env, "advisory", "add", "--title", "OpenSSL 3.0 fix", "--severity", "high",
                    "--disclosure", "2030-11-01T13:00:00Z", "--affected", "pkg:generic/openssl").exit()).isZero();

            CliRun added = CliRun.of(db, env, "advisory", "add-draft", "1", "--title", "OpenSSL update", "--message", "Patching.",
                    "--at-disclosure");
            assertThat(added.exit()).as(added.err()).isZero();
            assertThat(added.out()).contains("Draft 1 (incident): OpenSSL update, platform-api=operational");
            assertThat(CliRun.of(db, env, "advisory", "drafts", "1").out())
                    .containsPattern("1\\s+incident\\s+due 2030-11-01T13:00:00.000Z\\s+OpenSSL update");

            CliRun posted = CliRun.of(db, env, "advisory", "post-draft", "1", "1");
            assertThat(posted.exit()).as(posted.err()).isZero();
            assertThat(posted.out()).containsPattern("posted as incident \\d+");
            CliRun again = CliRun.of(db, env, "advisory", "post-draft", "1", "1");
            assertThat(again.exit()).isEqualTo(1);
            assertThat(again.err()).contains("409").contains("cannot change or post again");

            CliRun notice = CliRun.of(db, env, "advisory", "notice", "1", "--text", "We are aware of it; we have patched.", "--publish");
            assertThat(notice.exit()).as(notice.err()).isZero();
            assertThat(notice.out()).contains("Published: We are aware of it; we have patched.");
            assertThat(t.http.get("/").body()).contains("We are aware of it; we have patched.");
            assertThat(CliRun.of(db, env, "advisory", "notice", "1", "--unpublish").out()).startsWith("Not published: We are aware");
        }
    }
}
