package dev.upbeat.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upbeat.testing.Http;
import dev.upbeat.testing.LogCapture;
import dev.upbeat.testing.TestUpbeat;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The product's own bar: the status page stays up and truthful while its database is down. */
class DatabaseDownTest {

    @Test
    void with_the_database_gone_the_page_and_api_keep_serving_the_last_truth_and_writes_get_503() throws Exception {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        String url = "postgres://postgres:postgres@localhost:" + postgres.getPort() + "/postgres";
        try (LogCapture logs = LogCapture.of("dev.upbeat", "com.zaxxer.hikari")) {
            try (TestUpbeat t = TestUpbeat.started(url, Map.of("UPBEAT_SNAPSHOT_REFRESH", "PT0.2S"))) {
                servesTheLastTruth(t.http, postgres);
            }
            // Every error logged is the database being away, each reported where it was met.
            assertThat(logs.errors()).isNotEmpty().allSatisfy(e -> assertThat(LogCapture.causedBy(e, "StorageUnavailable")
                    || e.getFormattedMessage().contains("cannot be reached")).as(LogCapture.describe(e)).isTrue());
            assertThat(logs.errors()).anyMatch(e -> e.getFormattedMessage().startsWith("Could not rebuild the public snapshot"));
            // The refused write's line names its request, as its answer did.
            assertThat(logs.errors()).anyMatch(e -> e.getFormattedMessage().contains("refused")
                    && "report-503".equals(e.getMDCPropertyMap().get("request_id")));
        }
    }

    private static void servesTheLastTruth(Http http, EmbeddedPostgres postgres) throws Exception {
        http.post("/api/v1/components", "{\"name\":\"API\",\"group\":\"Tools\"}");
        assertThat(http.post("/api/v1/incidents", "{\"title\":\"API errors\",\"message\":\"Looking.\","
                + "\"components\":{\"api\":\"major_outage\"}}").status()).isEqualTo(201);

        postgres.close();
        Thread.sleep(1000); // several periodic rebuilds fail meanwhile; each keeps the last snapshot

        assertThat(http.get("/healthz").status()).isEqualTo(200);
        Http.Response page = http.get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("API errors").contains("Major outage");
        assertThat(http.get("/api/v1/components").body()).contains("\"status\":\"major_outage\"");
        assertThat(http.get("/api/v2/summary.json").status()).isEqualTo(200);
        assertThat(http.get("/api/v4/current-status").body()).contains("red");

        Http.Response write = http.raw("POST", "/api/v1/incidents/1/resolve", null,
                "Authorization", "Bearer " + dev.upbeat.testing.TestUpbeat.ADMIN_TOKEN, "X-Request-Id", "report-503");
        assertThat(write.status()).isEqualTo(503);
        assertThat(write.json().get("request_id").asText()).isEqualTo("report-503");
        assertThat(write.header("Retry-After")).isNotBlank();
        assertThat(write.json().get("id").asText()).isEqualTo("service_unavailable");
    }
}
