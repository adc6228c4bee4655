package dev.upbeat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.upbeat.notification.Dispatcher;
import dev.upbeat.testing.Http;
import dev.upbeat.testing.SmtpSink;
import dev.upbeat.testing.TestDatabases;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Three `upbeat serve` processes on one PostgreSQL fan an incident out to 300 email subscribers
 * through a slow SMTP server; the instance that took the write is killed (SIGKILL) 1.5 s in. With
 * the default delivery lease (PT15S) its claims come due for the other two within one lease, so the
 * last message arrives well within 30 s of the kill. Nothing is lost; only the sends the killed
 * instance had not yet recorded may arrive twice. With sends slower than {@link Dispatcher#MARK_AFTER}
 * (300 ms here) each is recorded before the next starts, so that is one per email thread; the
 * bound for fast servers, one batch per thread, is proven by NotificationCrashTest. A sampler reads
 * the claims in the database throughout: no instance ever holds more than its threads times
 * {@link Dispatcher#EMAIL_BATCH}.
 */
class ClusterTakeoverTest {
    private static final int SUBSCRIBERS = 300;
    private static final int EMAIL_THREADS = 4;
    private static final String TOKEN = "takeover-test-token";
    private static final Pattern INSTANCE = Pattern.compile("as instance (\\S+)");

    @Test
    void the_work_of_a_killed_instance_is_taken_over_within_30_s_and_no_instance_holds_more_than_its_share() throws Exception {
        String database = TestDatabases.postgresql();
        try (SmtpSink sink = new SmtpSink(Duration.ofMillis(300))) {
            List<CliRun.Started> processes = new ArrayList<>();
            List<Http> nodes = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                int port = freePort();
                processes.add(CliRun.start(database, Map.of("PORT", Integer.toString(port), "UPBEAT_ADMIN_TOKEN", TOKEN,
                        "SMTP_URL", "smtp://127.0.0.1:" + sink.port(), "UPBEAT_DELIVERY_CONCURRENCY", "email=" + EMAIL_THREADS), "serve"));
                nodes.add(new Http("http://127.0.0.1:" + port));
            }
            ClaimSampler sampler = null;
            long starting = System.currentTimeMillis();
            try {
                for (Http node : nodes) {
                    await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> node.get("/healthz").status() == 200);
                }
                long started = System.currentTimeMillis() - starting;
                CliRun.Started writer = processes.get(0);
                String killed = instanceOf(writer);
                sampler = new ClaimSampler(database);
                sampler.start();
                fanOut(nodes.get(0));
                long posted = System.currentTimeMillis();
                await().atMost(Duration.ofSeconds(10)).until(() -> sink.total() > 0);
                Thread.sleep(Math.max(0, posted + 1_500 - System.currentTimeMillis()));

                writer.process().destroyForcibly();
                long killedAt = System.currentTimeMillis();
                assertThat(writer.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
                int heldAtKill = sampler.heldNowBy(killed);
                int sentAtKill = sink.total();

                await().atMost(Duration.ofSeconds(60)).until(() -> sink.perRecipient().size() == SUBSCRIBERS);
                Thread.sleep(1_000); // let any stray repeat arrive before counting
                sampler.stop();
                long takeover = sink.lastAt() - killedAt;
                int duplicates = sink.total() - sink.perRecipient().size();
                System.out.printf("takeover test: three instances serving after %d ms; killed %s holding %d claims with %d of %d sent; last message %d ms after the kill;"
                        + " %d repeated; most claims held at once %s%n", started, killed, heldAtKill, sentAtKill, SUBSCRIBERS, takeover,
                        duplicates, sampler.most());

                assertThat(heldAtKill).as("the killed instance held claims when it died").isPositive();
                assertThat(sentAtKill).as("killed in the middle of the fan-out").isLessThan(SUBSCRIBERS / 2);
                assertThat(takeover).as("ms from the kill to the last message").isLessThan(30_000);
                assertThat(sink.perRecipient()).hasSize(SUBSCRIBERS).allSatisfy((address, n) -> assertThat(n).isBetween(1, 2));
                assertThat(duplicates).as("repeats: with sends slower than MARK_AFTER, at most one per thread of the killed instance")
                        .isLessThanOrEqualTo(EMAIL_THREADS);
                assertThat(sampler.most()).as("instances seen holding claims").containsKey(killed).hasSizeGreaterThanOrEqualTo(2);
                assertThat(sampler.most().values()).as("claims one instance held at once")
                        .allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(EMAIL_THREADS * Dispatcher.EMAIL_BATCH));
            } finally {
                if (sampler != null) {
                    sampler.stop();
                }
                for (CliRun.Started p : processes) {
                    p.process().destroy();
                }
            }
            for (CliRun.Started p : processes.subList(1, 3)) {
                assertThat(p.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(Files.readString(p.err(), StandardCharsets.UTF_8)).as("a surviving instance's log")
                        .doesNotContain(" ERROR ").contains("Upbeat stopped");
            }
        }
    }

    private static void fanOut(Http node) {
        StringBuilder csv = new StringBuilder("channel,address\n");
        for (int k = 0; k < SUBSCRIBERS; k++) {
            csv.append("email,user").append(k).append("@example.com\n");
        }
        assertThat(node.raw("POST", "/api/v1/subscribers/import", csv.toString(), "Authorization", "Bearer " + TOKEN,
                "Content-Type", "text/csv").json().get("added").asInt()).isEqualTo(SUBSCRIBERS);
        assertThat(node.raw("POST", "/api/v1/incidents", "{\"title\":\"Fan-out\",\"message\":\"Many.\"}",
                "Authorization", "Bearer " + TOKEN, "Content-Type", "application/json").status()).isEqualTo(201);
    }

    private static String instanceOf(CliRun.Started process) throws Exception {
        Matcher m = INSTANCE.matcher(Files.readString(process.err(), StandardCharsets.UTF_8));
        assertThat(m.find()).as("the instance names itself when it starts serving").isTrue();
        return m.group(1);
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Reads, every 20 ms, how many unexpired delivery claims each instance holds, and keeps the most seen. */
    private static final class ClaimSampler {
        private final Connection connection;
        private final Map<String, Integer> most = new ConcurrentHashMap<>();
        private final Thread thread = new Thread(this::run, "claim-sampler");
        private volatile boolean running = true;

        ClaimSampler(String databaseUrl) throws SQLException {
            URI url = URI.create(databaseUrl);
            connection = DriverManager.getConnection("jdbc:postgresql://" + url.getHost() + ":" + url.getPort() + url.getPath(),
                    "postgres", "postgres");
        }

        void start() {
            thread.setDaemon(true);
            thread.start();
        }

        Map<String, Integer> most() {
            return Map.copyOf(most);
        }

        synchronized int heldNowBy(String instance) throws SQLException {
            return held().getOrDefault(instance, 0);
        }

        private synchronized Map<String, Integer> held() throws SQLException {
            Map<String, Integer> held = new ConcurrentHashMap<>();
            try (PreparedStatement s = connection.prepareStatement("SELECT claimed_by, COUNT(*) FROM deliveries"
                    + " WHERE status = 'pending' AND claimed_by IS NOT NULL AND next_attempt_at > ? GROUP BY claimed_by")) {
                s.setLong(1, System.currentTimeMillis());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        held.put(rs.getString(1), rs.getInt(2));
                    }
                }
            }
            return held;
        }

        private void run() {
            while (running) {
                try {
                    held().forEach((instance, n) -> most.merge(instance, n, Math::max));
                    Thread.sleep(20);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stop() throws Exception {
            running = false;
            thread.join(5_000);
            connection.close();
        }
    }
}
