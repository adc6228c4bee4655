package dev.upbeat.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.upbeat.simulator.tcp.Direction;
import dev.upbeat.simulator.tcp.TcpProxies;
import dev.upbeat.simulator.tcp.TcpProxy;
import dev.upbeat.simulator.tcp.Toxic;
import dev.upbeat.simulator.tcp.ToxicType;
import dev.upbeat.testing.Http;
import dev.upbeat.testing.LogCapture;
import dev.upbeat.testing.RestartablePostgres;
import dev.upbeat.testing.TestUpbeat;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A network partition between Upbeat and PostgreSQL: a TCP relay in front of a real PostgreSQL
 * stops forwarding (Toxiproxy's timeout toxic with timeout 0, both ways), so packets are dropped
 * and connections neither answered nor closed, then forwards again, closing the connections it
 * held, as a healed partition leaves them. Nothing in the process may log an ERROR or a stack
 * trace meanwhile: the breaker says once that the database went and once that it came back.
 */
class DatabasePartitionTest {
    private static final String INCIDENT = "{\"title\":\"API errors\",\"message\":\"Looking.\",\"components\":{\"api\":\"major_outage\"}}";
    /** Every logger that could speak during the episode: ours, the pool's, the driver's, the server's and the framework's. */
    private static final String[] EVERYONE = {"dev.upbeat", "com.zaxxer.hikari", "org.postgresql", "org.flywaydb", "org.jdbi",
        "org.eclipse.jetty", "io.javalin"};

    @Test
    void during_a_partition_writes_get_503_in_bounded_time_reads_serve_the_last_state_and_writes_come_back_after_the_heal()
            throws Exception {
        try (RestartablePostgres postgres = RestartablePostgres.started(); TcpProxies relays = new TcpProxies(new Random(7));
             LogCapture logs = LogCapture.withInfo(EVERYONE)) {
            TcpProxy relay = relayTo(relays, postgres);
            try (TestUpbeat t = TestUpbeat.started(throughRelay(relay), Map.of("UPBEAT_SNAPSHOT_REFRESH", "PT0.2S"))) {
                Http http = t.http;
                assertThat(http.post("/api/v1/components", "{\"name\":\"API\",\"group\":\"Tools\"}").status()).isEqualTo(201);
                assertThat(http.post("/api/v1/incidents", INCIDENT).status()).isEqualTo(201);
                long version = http.get("/healthz").json().get("snapshot_version").asLong();

                cut(relay);
                long first = refusedWrite(http);
                long next = refusedWrite(http);
                servesTheLastState(http, version);

                heal(relay);
                long healed = System.nanoTime();
                await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                        .until(() -> http.post("/api/v1/incidents/1/resolve", null).status() == 200);
                long back = (System.nanoTime() - healed) / 1_000_000;
                System.out.printf("partition test: first write refused after %d ms, the next after %d ms; writes back %d ms "
                        + "after the partition healed%n", first, next, back);
                assertThat(first).as("ms to refuse the first write (documented: at most about 7 s; generous for a loaded machine)")
                        .isLessThan(15_000);
                assertThat(next).as("ms to refuse a write once the breaker is open").isLessThan(2_000);
                assertThat(http.get("/healthz").json().get("database").asText()).isEqualTo("up");
            }
            List<ILoggingEvent> events = logs.events();
            noErrorNoTrace(events);
            assertThat(events).filteredOn(e -> e.getFormattedMessage().startsWith("Database unreachable at ")).hasSize(1);
            assertThat(events).filteredOn(e -> e.getFormattedMessage().startsWith("Database reachable again after ")).hasSize(1);
            // Statements cut in flight were cut by the outage the breaker announced: they say nothing more.
            assertThat(events).filteredOn(e -> e.getLevel() == Level.WARN).as("warnings").singleElement()
                    .satisfies(e -> assertThat(e.getFormattedMessage()).contains("writes get 503"));
        }
    }

    @Test
    void a_statement_whose_connection_the_heal_cut_fails_only_its_own_request_with_503_and_the_next_works() throws Exception {
        try (RestartablePostgres postgres = RestartablePostgres.started(); TcpProxies relays = new TcpProxies(new Random(7));
             LogCapture logs = LogCapture.withInfo(EVERYONE)) {
            TcpProxy relay = relayTo(relays, postgres);
            try (TestUpbeat t = TestUpbeat.started(throughRelay(relay), Map.of("UPBEAT_SNAPSHOT_REFRESH", "PT0.2S"));
                 Connection direct = DriverManager.getConnection("jdbc:postgresql://localhost:" + port(postgres) + "/postgres",
                         "postgres", "postgres")) {
                Http http = t.http;
                assertThat(http.post("/api/v1/components", "{\"name\":\"API\",\"group\":\"Tools\"}").status()).isEqualTo(201);
                assertThat(http.post("/api/v1/incidents", INCIDENT).status()).isEqualTo(201);

                // Another session holds the incident's row, so the write waits on its connection while the relay is cut and healed.
                direct.setAutoCommit(false);
                try (Statement s = direct.createStatement()) {
                    s.execute("SELECT 1 FROM incidents FOR UPDATE");
                }
                CompletableFuture<Http.Response> write = CompletableFuture.supplyAsync(() -> http.raw("POST",
                        "/api/v1/incidents/1/resolve", null, "Authorization", "Bearer " + TestUpbeat.ADMIN_TOKEN, "X-Request-Id", "cut"));
                await().atMost(Duration.ofSeconds(5)).until(() -> waitingOnLock(direct));
                cut(relay);
                Thread.sleep(500); // the relay's links take the cut up before it heals, or it never happened to them
                heal(relay);
                Http.Response refused = write.get();
                direct.rollback();

                assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
                assertThat(refused.header("Retry-After")).isEqualTo("5");
                assertThat(refused.json().get("id").asText()).isEqualTo("service_unavailable");
                assertThat(refused.json().get("request_id").asText()).isEqualTo("cut");
                assertThat(refused.json().get("message").asText()).startsWith("The database cannot be reached");
                assertThat(http.get("/healthz").json().get("database").asText()).as("the server answered all along").isEqualTo("up");
                await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                        .until(() -> http.post("/api/v1/incidents/1/resolve", null).status() == 200);
                assertThat(http.get("/").status()).isEqualTo(200);
            }
            List<ILoggingEvent> events = logs.events();
            noErrorNoTrace(events);
            assertThat(events).filteredOn(e -> e.getFormattedMessage().startsWith("Database unreachable at ")).isEmpty();
            assertThat(events).filteredOn(e -> e.getFormattedMessage().startsWith("POST /api/v1/incidents/{id}/resolve failed: "))
                    .singleElement().satisfies(e -> assertThat(e.getLevel()).isEqualTo(Level.WARN));
            // Background work whose statement the heal cut says so once, in a line, and carries on.
            assertThat(events).filteredOn(e -> e.getLevel() == Level.WARN).as("warnings")
                    .allSatisfy(e -> assertThat(e.getFormattedMessage()).as(LogCapture.describe(e)).contains(" was lost (SQLSTATE 08"))
                    .extracting(ILoggingEvent::getThreadName).as("one line per background worker at most").doesNotHaveDuplicates();
        }
    }

    private static TcpProxy relayTo(TcpProxies relays, RestartablePostgres postgres) {
        return relays.create(new TcpProxies.Spec("postgres", "127.0.0.1:0", "localhost:" + port(postgres), null));
    }

    private static int port(RestartablePostgres postgres) {
        return URI.create(postgres.url()).getPort();
    }

    private static String throughRelay(TcpProxy relay) {
        return "postgres://postgres:postgres@" + relay.listen() + "/postgres";
    }

    /** Nothing gets through either way, and no connection is closed: a partition. */
    private static void cut(TcpProxy relay) {
        for (Direction d : Direction.values()) {
            relay.toxics().add(new Toxic("partition-" + d, ToxicType.TIMEOUT, d, 1f, Map.of("timeout", 0L), 0));
        }
    }

    /** Forwarding again; the connections held through the cut are closed, as the peers' timers end them after a real one. */
    private static void heal(TcpProxy relay) {
        for (Direction d : Direction.values()) {
            relay.toxics().remove("partition-" + d);
        }
    }

    private static boolean waitingOnLock(Connection direct) throws Exception {
        try (Statement s = direct.createStatement();
             var rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")) {
            rs.next();
            return rs.getInt(1) > 0;
        }
    }

    /** A write during the partition: 503 with Retry-After 5 and the one error shape; returns the ms it took. */
    private static long refusedWrite(Http http) {
        long start = System.nanoTime();
        Http.Response write = http.raw("POST", "/api/v1/incidents/1/resolve", null,
                "Authorization", "Bearer " + TestUpbeat.ADMIN_TOKEN, "X-Request-Id", "partition-503");
        long took = (System.nanoTime() - start) / 1_000_000;
        assertThat(write.status()).as(write.toString()).isEqualTo(503);
        assertThat(write.header("Retry-After")).isEqualTo("5");
        assertThat(write.json().get("id").asText()).isEqualTo("service_unavailable");
        assertThat(write.json().get("request_id").asText()).isEqualTo("partition-503");
        return took;
    }

    private static void servesTheLastState(Http http, long version) {
        Http.Response health = http.get("/healthz");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("database").asText()).isEqualTo("down");
        assertThat(health.json().get("snapshot_version").asLong()).isEqualTo(version);
        Http.Response page = http.get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("API errors").contains("Major outage");
        assertThat(http.get("/api/v1/components").body()).contains("\"status\":\"major_outage\"");
        assertThat(http.get("/api/v2/summary.json").status()).isEqualTo(200);
        assertThat(http.get("/api/v4/current-status").body()).contains("red");
        assertThat(http.get("/history.atom").body()).contains("API errors");
    }

    private static void noErrorNoTrace(List<ILoggingEvent> events) {
        assertThat(events).as("no stack trace").allSatisfy(e -> assertThat(e.getThrowableProxy()).as(LogCapture.describe(e)).isNull());
        assertThat(events).filteredOn(e -> e.getLevel() == Level.ERROR).as("no error").isEmpty();
    }
}
