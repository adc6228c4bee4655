package dev.upbeat.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.upbeat.component.ComponentDraft;
import dev.upbeat.testing.TestDatabases;
import dev.upbeat.testing.TestUpbeat;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The change feed survives losing its connection: it reconnects by itself and rebuilds once, so
 * a change announced while it was away is not lost. The snapshot timer is an hour, so it is not
 * what delivers.
 */
class PostgresChangeFeedTest {

    @Test
    void a_change_made_while_the_feed_was_cut_off_arrives_after_it_reconnects() {
        String database = TestDatabases.postgresql();
        try (TestUpbeat reader = TestUpbeat.started(database, Map.of("UPBEAT_SNAPSHOT_REFRESH", "PT1H"));
             TestUpbeat writer = TestUpbeat.services(database)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> feedConnections(writer) == 1);

            writer.upbeat.database().useTransaction(tx -> tx.handle().execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'upbeat-change-feed' AND datname = current_database()"));
            writer.upbeat.components().create(ComponentDraft.builder().name("Cut Off").build());
            long written = writer.upbeat.snapshots().rebuild().version();

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(reader.upbeat.snapshots().current().version()).isEqualTo(written);
                assertThat(reader.http.get("/api/v1/components").body()).contains("Cut Off");
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> feedConnections(writer) == 1);
        }
    }

    private static long feedConnections(TestUpbeat t) {
        return t.upbeat.database().read(tx -> tx.handle().createQuery(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'upbeat-change-feed' AND datname = current_database()").mapTo(Long.class).one());
    }
}
