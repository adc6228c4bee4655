package dev.upbeat.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.upbeat.testing.Http;
import dev.upbeat.testing.TestDatabases;
import dev.upbeat.testing.TestUpbeat;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two instances on one PostgreSQL, both running the reminder tick at once: each reminder is queued and mailed once. */
class ActionRemindersClusterTest {
    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Test
    void two_instances_queue_each_reminder_once() {
        String database = TestDatabases.postgresql();
        Map<String, String> env = Map.of("SMTP_URL", "smtp://127.0.0.1:" + mail.getSmtp().getPort(),
                "UPBEAT_MAIL_FROM", "Status <status@example.test>", "UPBEAT_DELIVERY_POLL", "PT0.2S");
        Instant disclosure = Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofDays(2));
        try (TestUpbeat a = TestUpbeat.started(database, env); TestUpbeat b = TestUpbeat.started(database, env)) {
            Http http = a.http;
            assertThat(http.post("/api/v1/components", "{\"name\":\"Platform API\"}").status()).isEqualTo(201);
            assertThat(http.patch("/api/v1/components/platform-api",
                    "{\"owner\":{\"team\":\"API\",\"channel\":\"email\",\"address\":\"api@example.test\"}}").status()).isEqualTo(200);
            assertThat(http.post("/api/v1/components/platform-api/packages", "{\"purl\":\"pkg:generic/openssl@3.0.5\"}").status())
                    .isEqualTo(201);
            Http.Response created = http.post("/api/v1/advisories", """
                    {"title":"OpenSSL 3.0 fix","severity":"high","disclosure_at":"%s","affected":[{"purl":"pkg:generic/openssl"}]}"""
                    .formatted(disclosure));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(10)).until(() -> subjects().size() == 1);

            a.clock.set(disclosure.minus(Duration.ofHours(20)));
            b.clock.set(disclosure.minus(Duration.ofHours(20)));
            List<CompletableFuture<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(CompletableFuture.supplyAsync(() -> a.upbeat.advisories().remindOwners()));
                runs.add(CompletableFuture.supplyAsync(() -> b.upbeat.advisories().remindOwners()));
            }
            assertThat(runs.stream().mapToInt(CompletableFuture::join).sum()).as("queued once between them").isEqualTo(1);
            int deliveries = a.upbeat.database().read(tx -> tx.handle().createQuery(
                    "SELECT COUNT(*) FROM deliveries d JOIN owner_notices n ON n.id = d.notice_id WHERE n.notice_key LIKE '%:due-24h:%'")
                    .mapTo(Integer.class).one());
            assertThat(deliveries).isEqualTo(1);

            // Moving the clocks ends every lease at once: let the send in flight finish first.
            await().atMost(Duration.ofSeconds(10)).until(() -> a.upbeat.database().read(tx -> tx.handle().createQuery(
                    "SELECT COUNT(*) FROM deliveries WHERE status <> 'sent'").mapTo(Integer.class).one()) == 0);
            a.clock.set(disclosure.minus(Duration.ofMinutes(10)));
            b.clock.set(disclosure.minus(Duration.ofMinutes(10)));
            int last = CompletableFuture.supplyAsync(() -> a.upbeat.advisories().remindOwners()).join()
                    + CompletableFuture.supplyAsync(() -> b.upbeat.advisories().remindOwners()).join();
            assertThat(last).isEqualTo(1);
            await().atMost(Duration.ofSeconds(10)).until(() -> subjects().size() == 3);
            assertThat(subjects()).containsExactlyInAnyOrder("Action needed: Platform API and OpenSSL 3.0 fix",
                    "Due in 24 h: Platform API and OpenSSL 3.0 fix", "Due in 1 h: Platform API and OpenSSL 3.0 fix");
        }
    }

    private static List<String> subjects() {
        return Arrays.stream(mail.getReceivedMessages()).map(ActionRemindersClusterTest::subject).toList();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
