package dev.upbeat.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.upbeat.testing.Http;
import dev.upbeat.testing.Receiver;
import dev.upbeat.testing.TestDatabases;
import dev.upbeat.testing.TestUpbeat;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One channel failing (no SMTP server listening) holds up no other. */
class SmtpDownTest {
    private static final String[] AUTH = {"Authorization", "Bearer " + TestUpbeat.ADMIN_TOKEN};

    @Test
    void webhooks_go_out_while_email_keeps_failing_and_waits_for_its_retry() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (Receiver receiver = new Receiver();
             TestUpbeat t = TestUpbeat.started(TestDatabases.sqlite(), Map.of("UPBEAT_WEBHOOK_ALLOW", "127.0.0.1",
                     "SMTP_URL", "smtp://127.0.0.1:" + closedPort, "UPBEAT_DELIVERY_BACKOFF", "PT1H",
                     "UPBEAT_DELIVERY_POLL", "PT0.2S", "UPBEAT_DELIVERY_CONCURRENCY", "email=1,webhook=1"))) {
            Http http = t.http;
            for (int k = 0; k < 30; k++) {
                assertThat(http.post("/api/v1/subscribers", "{\"channel\":\"email\",\"address\":\"u" + k
                        + "@example.com\",\"confirmed\":true}").status()).isEqualTo(201);
            }
            http.post("/api/v1/subscribers", "{\"channel\":\"webhook\",\"address\":\"" + receiver.url("/hook") + "\",\"confirmed\":true}");
            assertThat(http.post("/api/v1/incidents", "{\"title\":\"Mail down\",\"message\":\"Hm.\"}").status()).isEqualTo(201);

            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.requests("/hook").size() == 1);
            long event = http.get("/api/v1/notifications", AUTH).json().get(0).get("id").asLong();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                JsonNode emails = http.get("/api/v1/notifications/" + event + "/deliveries?status=pending", AUTH).json();
                return emails.size() == 30 && emails.findValues("last_error").stream().allMatch(e -> e.asText().startsWith("SMTP"));
            });
        }
    }
}
