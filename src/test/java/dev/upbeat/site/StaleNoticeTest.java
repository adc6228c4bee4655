package dev.upbeat.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upbeat.testing.Http;
import dev.upbeat.testing.TestDatabases;
import dev.upbeat.testing.TestUpbeat;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A page whose snapshot is more than two minutes old says how old it is, in a status region, and
 * under an ETag of its own, so a copy from before is not revalidated with a 304. The snapshot timer
 * is an hour and the clock is moved, so the snapshot ages as it does while the database is down.
 */
class StaleNoticeTest {

    @Test
    void past_two_minutes_the_page_says_when_it_was_last_updated_until_the_next_snapshot() {
        try (TestUpbeat t = TestUpbeat.started(TestDatabases.sqlite(), Map.of("UPBEAT_SNAPSHOT_REFRESH", "PT1H"))) {
            Http http = t.http;
            assertThat(http.post("/api/v1/components", "{\"name\":\"API\"}").status()).isEqualTo(201);
            Http.Response fresh = http.get("/");
            assertThat(fresh.body()).doesNotContain("Last updated");

            t.clock.advance(Duration.ofSeconds(110));
            assertThat(http.get("/").body()).as("under two minutes").doesNotContain("Last updated");

            t.clock.advance(Duration.ofSeconds(20));
            Http.Response stale = http.get("/", "If-None-Match", fresh.header("ETag"));
            assertThat(stale.status()).as("the copy without the notice is not current").isEqualTo(200);
            assertThat(stale.header("ETag")).isNotEqualTo(fresh.header("ETag"));
            assertThat(stale.body()).contains("<p class=\"stale\" role=\"status\"><strong>Last updated 2\u00a0min ago.</strong>");
            assertThat(http.get("/uptime").body()).contains("Last updated 2\u00a0min ago");
            assertThat(http.get("/", "If-None-Match", stale.header("ETag")).status()).isEqualTo(304);
            assertThat(http.get("/healthz").json().get("snapshot_age_seconds").asLong()).isGreaterThanOrEqualTo(130);

            t.upbeat.snapshots().rebuild();
            Http.Response rebuilt = http.get("/");
            assertThat(rebuilt.body()).doesNotContain("Last updated");
            assertThat(rebuilt.header("ETag")).isEqualTo(fresh.header("ETag"));
        }
    }
}
