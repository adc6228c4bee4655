package dev.upbeat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.upbeat.notification.Dispatcher;
import dev.upbeat.testing.Http;
import dev.upbeat.testing.SmtpSink;
import dev.upbeat.testing.TestDatabases;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kills a separate Upbeat process (SIGKILL, no shutdown hook) in the middle of a fan-out to a
 * slow SMTP server, starts it again on the same database, and counts what every subscriber got.
 * <p>
 * The bound: a worker records its sends as sent together, at the end of its batch of at most
 * {@link Dispatcher#EMAIL_BATCH} or {@link Dispatcher#MARK_AFTER} after the first, so only messages
 * accepted but not yet recorded when the process dies are sent again: at most one batch per email
 * worker, {@code EMAIL_WORKERS x EMAIL_BATCH} in all. On SQLite and on PostgreSQL.
 */
class NotificationCrashTest {
    private static final int SUBSCRIBERS = 400;
    private static final int EMAIL_WORKERS = 2;
    private static final String TOKEN = "crash-test-token";

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void a_crash_in_the_middle_of_a_fan_out_loses_no_message_and_repeats_at_most_one_batch_per_worker(String dialect) throws Exception {
        String database = "sqlite".equals(dialect) ? TestDatabases.sqlite() : TestDatabases.postgresql();
        int bound = EMAIL_WORKERS * Dispatcher.EMAIL_BATCH;
        try (SmtpSink sink = new SmtpSink(Duration.ofMillis(15))) {
            int port = freePort();
            Map<String, String> env = Map.of("PORT", Integer.toString(port), "UPBEAT_ADMIN_TOKEN", TOKEN,
                    "SMTP_URL", "smtp://127.0.0.1:" + sink.port(), "UPBEAT_DELIVERY_CONCURRENCY", "email=" + EMAIL_WORKERS,
                    "UPBEAT_DELIVERY_LEASE", "PT2S", "UPBEAT_DELIVERY_POLL", "PT0.2S", "UPBEAT_LOG_LEVEL", "WARN");
            Http http = new Http("http://127.0.0.1:" + port);
            CliRun.Started first = CliRun.start(database, env, "serve");
            try {
                await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> http.get("/healthz").status() == 200);
                StringBuilder csv = new StringBuilder("channel,address\n");
                for (int k = 0; k < SUBSCRIBERS; k++) {
                    csv.append("email,user").append(k).append("@example.com\n");
                }
                assertThat(http.raw("POST", "/api/v1/subscribers/import", csv.toString(), "Authorization", "Bearer " + TOKEN,
                        "Content-Type", "text/csv").json().get("added").asInt()).isEqualTo(SUBSCRIBERS);
                assertThat(http.raw("POST", "/api/v1/incidents", "{\"title\":\"Fan-out\",\"message\":\"Many.\"}",
                        "Authorization", "Bearer " + TOKEN, "Content-Type", "application/json").status()).isEqualTo(201);

                await().atMost(Duration.ofSeconds(60)).until(() -> sink.total() >= SUBSCRIBERS / 4);
            } finally {
                first.process().destroyForcibly();
                first.process().waitFor(30, TimeUnit.SECONDS);
            }
            int atKill = sink.total();
            assertThat(atKill).as("killed in the middle").isLessThan(SUBSCRIBERS);

            CliRun.Started second = CliRun.start(database, env, "serve");
            try {
                await().atMost(Duration.ofSeconds(90)).until(() -> sink.perRecipient().size() == SUBSCRIBERS);
                Thread.sleep(500); // let any stray repeat arrive before counting
            } finally {
                second.process().destroy();
                second.process().waitFor(30, TimeUnit.SECONDS);
            }
            int duplicates = sink.total() - sink.perRecipient().size();
            System.out.printf("crash test (%s): %d of %d sent before the kill, %d repeated after restart (bound %d)%n",
                    dialect, atKill, SUBSCRIBERS, duplicates, bound);
            assertThat(sink.perRecipient()).hasSize(SUBSCRIBERS).allSatisfy((address, n) -> assertThat(n).isBetween(1, 2));
            assertThat(duplicates).isLessThanOrEqualTo(bound);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
