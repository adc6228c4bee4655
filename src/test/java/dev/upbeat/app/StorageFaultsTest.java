package dev.upbeat.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.upbeat.testing.Http;
import dev.upbeat.testing.TestUpbeat;
import dev.upbeat.web.ErrorMapping;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A database that cannot take writes (full, read-only) is named as such: 503 with what is wrong,
 * and one line in the log saying what to do, no stack trace. SQLite's own switches produce the
 * real result codes: {@code max_page_count} gives SQLITE_FULL, {@code query_only} SQLITE_READONLY
 * (file modes cannot: the tests run as root).
 */
class StorageFaultsTest {
    final Logger log = (Logger) LoggerFactory.getLogger(ErrorMapping.class);
    final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    /** Background work (probe roll-ups, deliveries, ticks) meets the same fault while the test runs. */
    final Logger upbeat = (Logger) LoggerFactory.getLogger("dev.upbeat");
    final ListAppender<ILoggingEvent> background = new ListAppender<>();

    @BeforeEach
    void captureLog() {
        logged.start();
        log.addAppender(logged);
        log.setAdditive(false);
        background.start();
        upbeat.addAppender(background);
        upbeat.setAdditive(false);
    }

    @AfterEach
    void releaseLog() {
        log.detachAppender(logged);
        log.setAdditive(true);
        upbeat.detachAppender(background);
        upbeat.setAdditive(true);
        assertThat(background.list).as("background retries log one line each").allSatisfy(e ->
                assertThat(e.getThrowableProxy()).as(e.getFormattedMessage()).isNull());
    }

    @Test
    void a_full_disk_answers_503_saying_the_database_is_full_and_logs_one_line() {
        try (TestUpbeat t = TestUpbeat.started()) {
            t.upbeat.database().useTransaction(tx -> {
                long pages = tx.handle().createQuery("PRAGMA page_count").mapTo(Long.class).one();
                tx.handle().execute("PRAGMA max_page_count = " + pages);
            });
            Http.Response refused = null;
            for (int i = 0; i < 200 && refused == null; i++) {
                Http.Response r = t.http.post("/api/v1/components", "{\"name\":\"Component " + i + "\",\"description\":\""
                        + "x".repeat(900) + "\"}");
                refused = r.status() == 201 ? null : r;
            }
            assertThat(refused).isNotNull();
            assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
            assertThat(refused.header("Retry-After")).isNotBlank();
            assertThat(refused.json().get("id").asText()).isEqualTo("service_unavailable");
            assertThat(refused.json().get("message").asText()).startsWith("The database is full").contains("free disk space");
            assertOneActionableLine("full", "free disk space");
        }
    }

    @Test
    void a_read_only_database_answers_503_saying_so() {
        try (TestUpbeat t = TestUpbeat.started()) {
            t.upbeat.database().useTransaction(tx -> tx.handle().execute("PRAGMA query_only = 1"));
            Http.Response refused = t.http.post("/api/v1/components", "{\"name\":\"API\"}");
            assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
            assertThat(refused.json().get("message").asText()).startsWith("The database file is read-only");
            assertOneActionableLine("read-only", "upbeat.db");
        }
    }

    private void assertOneActionableLine(String... words) {
        assertThat(logged.list).hasSize(1);
        ILoggingEvent line = logged.list.get(0);
        assertThat(line.getFormattedMessage()).contains(words);
        assertThat(line.getThrowableProxy()).as("no stack trace").isNull();
    }
}
