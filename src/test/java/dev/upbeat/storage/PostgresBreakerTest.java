package dev.upbeat.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import dev.upbeat.config.DatabaseUrl;
import dev.upbeat.testing.LogCapture;
import dev.upbeat.testing.RestartablePostgres;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The breaker on a real PostgreSQL stopped and started again: the first access after the stop
 * fails within about a second (the pool's wait), every later one at once, and the probe finds the
 * server back; one line says it went, one that it came back.
 */
class PostgresBreakerTest {

    @Test
    void the_first_access_after_postgresql_stops_fails_fast_the_rest_at_once_and_the_probe_finds_it_back() throws Exception {
        try (RestartablePostgres postgres = RestartablePostgres.started();
             LogCapture logs = LogCapture.withInfo("dev.upbeat.storage", "com.zaxxer.hikari");
             Database db = Database.open(DatabaseUrl.parse(postgres.url(), Path.of(".")))) {
            assertThat(selectOne(db)).isEqualTo(1);
            assertThat(db.probe()).as("nothing to probe while up").isFalse();

            postgres.stop();
            // Past the pool's half second of trusting a connection just used: it checks the dead one,
            // drops it and tries to connect, as after any quiet spell.
            Thread.sleep(600);
            long first = refusal(db);
            long next = refusal(db);
            assertThat(db.reachable()).isFalse();
            assertThat(db.probe()).isFalse();

            postgres.start();
            long started = System.nanoTime();
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200)).until(db::probe);
            long back = (System.nanoTime() - started) / 1_000_000;
            assertThat(db.reachable()).isTrue();
            assertThat(selectOne(db)).isEqualTo(1);
            System.out.printf("breaker test: first access after the stop failed in %d ms, the next in %d ms; "
                    + "probe found the server %d ms after it started%n", first, next, back);
            assertThat(first).as("ms, with a second's pool wait and margin for a loaded machine").isLessThan(2_500);
            assertThat(next).as("ms while the breaker is open").isLessThan(100);

            assertThat(logs.events()).allSatisfy(e -> assertThat(e.getThrowableProxy()).as(LogCapture.describe(e)).isNull());
            assertThat(logs.events()).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN)).singleElement()
                    .satisfies(e -> assertThat(e.getFormattedMessage()).startsWith("Database unreachable at ").contains("SQLSTATE "));
            assertThat(logs.events()).filteredOn(e -> e.getFormattedMessage().startsWith("Database reachable again after ")).hasSize(1);
        }
    }

    @Test
    void a_connection_ended_by_an_administrator_fails_its_request_but_is_no_outage() {
        try (RestartablePostgres postgres = RestartablePostgres.started();
             LogCapture logs = LogCapture.withInfo("dev.upbeat.storage", "com.zaxxer.hikari");
             Database db = Database.open(DatabaseUrl.parse(postgres.url(), Path.of(".")))) {
            assertThatThrownBy(() -> db.read(tx -> tx.handle().createQuery("SELECT pg_terminate_backend(pg_backend_pid())")
                    .mapTo(Boolean.class).one())).isInstanceOf(StorageUnavailable.class).isNotInstanceOf(DatabaseDown.class);
            assertThat(db.reachable()).isTrue();
            assertThat(selectOne(db)).isEqualTo(1);
            assertThat(logs.events()).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN)).isEmpty();
        }
    }

    @Test
    void only_failures_to_reach_the_server_count_as_an_outage() {
        assertThat(Breaker.isOutage(new RuntimeException(new SQLException("I/O error", "08006")))).isTrue();
        assertThat(Breaker.isOutage(new SQLException("terminating connection due to administrator command", "57P01"))).isTrue();
        assertThat(Breaker.isOutage(new SQLException("the database system is starting up", "57P03"))).isTrue();
        assertThat(Breaker.isOutage(new SQLTransientConnectionException("request timed out", "08001",
                new SQLException("Connection refused", "08001")))).isTrue();
        assertThat(Breaker.couldNotConnect(new RuntimeException(new SQLException("Connection refused", "08001")))).isTrue();
        assertThat(Breaker.couldNotConnect(new SQLException("I/O error", "08006"))).as("one connection's end").isFalse();
        // A busy pool, a conflict, a full disk, a busy SQLite file: answers about the request, not the server's reach.
        assertThat(Breaker.isOutage(new SQLTransientConnectionException("request timed out"))).isFalse();
        assertThat(Breaker.isOutage(new SQLException("could not serialize access", "40001"))).isFalse();
        assertThat(Breaker.isOutage(new SQLException("disk full", "53100"))).isFalse();
        assertThat(Breaker.isOutage(new SQLiteException("database is locked", SQLiteErrorCode.SQLITE_BUSY))).isFalse();
    }

    private static int selectOne(Database db) {
        return db.read(tx -> tx.handle().createQuery("SELECT 1").mapTo(Integer.class).one());
    }

    private static long refusal(Database db) {
        long start = System.nanoTime();
        assertThatThrownBy(() -> selectOne(db)).isInstanceOf(DatabaseDown.class);
        return (System.nanoTime() - start) / 1_000_000;
    }
}
