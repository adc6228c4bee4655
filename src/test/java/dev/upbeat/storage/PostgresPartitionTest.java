package dev.upbeat.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import dev.upbeat.config.DatabaseUrl;
import dev.upbeat.simulator.tcp.Direction;
import dev.upbeat.simulator.tcp.TcpProxies;
import dev.upbeat.simulator.tcp.TcpProxy;
import dev.upbeat.simulator.tcp.Toxic;
import dev.upbeat.simulator.tcp.ToxicType;
import dev.upbeat.testing.LogCapture;
import dev.upbeat.testing.TestDatabases;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pool and the breaker on a real PostgreSQL reached through a TCP relay that can stop
 * forwarding (a partition: packets dropped, connections neither answered nor closed) and forward
 * again, closing the connections it held through the cut.
 */
class PostgresPartitionTest {
    private TcpProxies relays;
    private TcpProxy relay;
    private DatabaseUrl url;

    @BeforeEach
    void relay() {
        URI postgres = URI.create(TestDatabases.postgresql());
        relays = new TcpProxies(new Random(7));
        relay = relays.create(new TcpProxies.Spec("postgres", "127.0.0.1:0", "localhost:" + postgres.getPort(), null));
        url = DatabaseUrl.parse("postgres://postgres:postgres@" + relay.listen() + postgres.getPath(), Path.of("."));
    }

    @AfterEach
    void close() {
        relays.close();
    }

    @Test
    void a_partition_opens_the_breaker_within_seconds_and_the_probe_closes_it_after_the_heal() {
        try (LogCapture logs = LogCapture.withInfo("dev.upbeat.storage", "com.zaxxer.hikari", "org.postgresql");
             Database db = Database.open(url)) {
            assertThat(selectOne(db)).isEqualTo(1);

            cut();
            long start = System.nanoTime();
            assertThatThrownBy(() -> selectOne(db)).isInstanceOf(DatabaseDown.class);
            long first = (System.nanoTime() - start) / 1_000_000;
            assertThat(db.reachable()).isFalse();
            assertThat(db.probe()).as("the server is still cut off").isFalse();

            heal();
            long healed = System.nanoTime();
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(db::probe);
            long back = (System.nanoTime() - healed) / 1_000_000;
            assertThat(selectOne(db)).isEqualTo(1);
            System.out.printf("partition breaker test: first access during the cut failed in %d ms; probe found the server "
                    + "%d ms after the heal%n", first, back);
            assertThat(first).as("ms: a borrow's wait and one outside connect, with margin for a loaded machine").isLessThan(10_000);

            assertThat(logs.events()).allSatisfy(e -> assertThat(e.getThrowableProxy()).as(LogCapture.describe(e)).isNull());
            assertThat(logs.events()).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN)).singleElement()
                    .satisfies(e -> assertThat(e.getFormattedMessage()).startsWith("Database unreachable at "));
            assertThat(logs.events()).filteredOn(e -> e.getFormattedMessage().startsWith("Database reachable again after ")).hasSize(1);
        }
    }

    @Test
    void a_statement_whose_connection_the_heal_cut_fails_alone_while_the_server_answers() throws Exception {
        try (LogCapture logs = LogCapture.withInfo("dev.upbeat.storage", "com.zaxxer.hikari", "org.postgresql");
             Database db = Database.open(url);
             ExecutorService reader = Executors.newSingleThreadExecutor()) {
            CompletableFuture<Integer> slow = CompletableFuture.supplyAsync(() -> db.read(tx -> tx.handle()
                    .createQuery("SELECT 1 FROM pg_sleep(3)").mapTo(Integer.class).one()), reader);
            await().atMost(Duration.ofSeconds(5)).until(() -> relay.openConnections() > 0);
            Thread.sleep(300);
            cut();
            Thread.sleep(500); // the relay's links take the cut up before it heals, or it never happened to them
            heal();

            assertThatThrownBy(slow::join).hasCauseInstanceOf(ConnectionLost.class)
                    .cause().hasMessageContaining("SQLSTATE 08006");
            assertThat(db.reachable()).as("the server answered all along").isTrue();
            assertThat(selectOne(db)).isEqualTo(1);
            assertThat(logs.events()).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN)).isEmpty();
        }
    }

    @Test
    void a_pool_too_busy_to_lend_a_connection_is_no_outage() {
        try (LogCapture logs = LogCapture.withInfo("dev.upbeat.storage", "com.zaxxer.hikari", "org.postgresql");
             Database db = Database.open(url);
             ExecutorService borrowers = Executors.newFixedThreadPool(10)) {
            List<CompletableFuture<Integer>> holding = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                holding.add(CompletableFuture.supplyAsync(() -> db.read(tx -> tx.handle()
                        .createQuery("SELECT 1 FROM pg_sleep(3)").mapTo(Integer.class).one()), borrowers));
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> relay.openConnections() == 10);

            assertThatThrownBy(() -> selectOne(db)).isInstanceOf(StorageUnavailable.class).isNotInstanceOf(DatabaseDown.class);
            assertThat(db.reachable()).as("the server answers a connection of its own").isTrue();
            holding.forEach(h -> assertThat(h.join()).isEqualTo(1));
            assertThat(logs.events()).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN)).isEmpty();
        }
    }

    private void cut() {
        for (Direction d : Direction.values()) {
            relay.toxics().add(new Toxic("partition-" + d, ToxicType.TIMEOUT, d, 1f, Map.of("timeout", 0L), 0));
        }
    }

    private void heal() {
        for (Direction d : Direction.values()) {
            relay.toxics().remove("partition-" + d);
        }
    }

    private static int selectOne(Database db) {
        return db.read(tx -> tx.handle().createQuery("SELECT 1").mapTo(Integer.class).one());
    }
}
