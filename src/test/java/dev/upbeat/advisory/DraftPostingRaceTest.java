package dev.upbeat.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upbeat.component.ComponentDraft;
import dev.upbeat.testing.LogCapture;
import dev.upbeat.testing.TestDatabases;
import dev.upbeat.testing.TestUpbeat;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * A draft due at disclosure posts once: from two instances sharing PostgreSQL, each running the
 * posting tick on several threads at once, and from threads of one instance on SQLite. Once is
 * one incident, one notification event for the subscribers, and one claimant that says it posted.
 */
class DraftPostingRaceTest {

    @Test
    void two_instances_on_postgresql_post_a_due_draft_once() {
        String database = TestDatabases.postgresql();
        try (TestUpbeat a = TestUpbeat.services(database); TestUpbeat b = TestUpbeat.services(database)) {
            long draft = prepare(a);
            Instant after = a.upbeat.advisories().get(advisoryOf(a, draft)).disclosureAt().plusSeconds(1);
            a.clock.set(after);
            b.clock.set(after);

            assertThat(race(a, b)).as("posted by exactly one claimant").isEqualTo(1);
            assertPostedOnce(a, draft);
            assertThat(race(a, b)).as("and never again").isZero();
        }
    }

    @Test
    void threads_of_one_instance_on_sqlite_post_a_due_draft_once() {
        try (TestUpbeat a = TestUpbeat.services(TestDatabases.sqlite())) {
            long draft = prepare(a);
            a.clock.set(a.upbeat.advisories().get(advisoryOf(a, draft)).disclosureAt().plusSeconds(1));

            assertThat(race(a, a)).isEqualTo(1);
            assertPostedOnce(a, draft);
        }
    }

    @Test
    void a_draft_is_not_posted_before_its_time_nor_when_only_by_hand() {
        try (TestUpbeat a = TestUpbeat.services(TestDatabases.sqlite())) {
            long draft = prepare(a);
            long advisory = advisoryOf(a, draft);
            Instant disclosure = a.upbeat.advisories().get(advisory).disclosureAt();
            a.clock.set(disclosure.minusSeconds(1));
            assertThat(a.upbeat.drafts().postDue()).isZero();

            a.upbeat.drafts().update(advisory, draft, new DraftChange(null, null, null, null, null, null, null, null, null, false, null));
            a.clock.set(disclosure.plus(Duration.ofHours(1)));
            assertThat(a.upbeat.drafts().postDue()).as("unscheduled: only by hand").isZero();
            assertThat(a.upbeat.drafts().get(advisory, draft).posted()).isFalse();
        }
    }

    @Test
    void a_due_draft_the_incident_service_refuses_keeps_the_reason_and_is_not_retried() {
        try (TestUpbeat a = TestUpbeat.services(TestDatabases.sqlite());
             LogCapture log = LogCapture.of(DraftService.class.getName())) {
            long draft = prepare(a);
            long advisory = advisoryOf(a, draft);
            a.upbeat.drafts().update(advisory, draft, new DraftChange(null, null, null, null, null, null, null, null, null, null,
                    a.clock.instant().plusSeconds(60)));
            a.upbeat.database().useTransaction(tx -> tx.handle().createUpdate(
                    "UPDATE advisory_drafts SET components = '{\"gone\":\"major_outage\"}' WHERE id = :id").bind("id", draft).execute());
            a.clock.advance(Duration.ofMinutes(2));

            assertThat(a.upbeat.drafts().postDue()).isZero();
            Draft failed = a.upbeat.drafts().get(advisory, draft);
            assertThat(failed.posted()).as("rolled back with the refused incident").isFalse();
            assertThat(failed.postError()).contains("gone");
            assertThat(log.events()).extracting(e -> e.getFormattedMessage()).singleElement().asString()
                    .contains("could not be posted");
            assertThat(a.upbeat.drafts().postDue()).as("not retried until edited").isZero();
            assertThat(log.events()).hasSize(1);
        }
    }

    /** A component that runs OpenSSL 3.0.5, an advisory disclosed in an hour, and an incident draft due then. */
    static long prepare(TestUpbeat t) {
        t.upbeat.components().create(ComponentDraft.builder().name("Checkout").build());
        t.upbeat.inventory().addPackage("checkout", "pkg:generic/openssl@3.0.5", "test");
        Instant disclosure = t.clock.instant().plus(Duration.ofHours(1));
        Advisory advisory = t.upbeat.advisories().create(new AdvisoryDraft("OpenSSL 3.0 fix", "high", disclosure, null,
                List.of(new AdvisoryDraft.AffectedDraft("pkg:generic/openssl", "vers:generic/>=3.0.0|<3.0.7"))), "test");
        Draft d = t.upbeat.drafts().create(advisory.id(), new DraftChange("incident", "Applying the OpenSSL fix",
                "Checkout restarts one node at a time.", null, null, null, null, null, null, true, null));
        assertThat(d.components()).containsOnlyKeys("checkout");
        return d.id();
    }

    static long advisoryOf(TestUpbeat t, long draft) {
        return t.upbeat.database().read(tx -> tx.handle().createQuery("SELECT advisory_id FROM advisory_drafts WHERE id = :id")
                .bind("id", draft).mapTo(Long.class).one());
    }

    /**
     * Four threads per instance call the posting tick together; answers how many posts they made.
     * Threads of their own: the common pool may have one worker on a small machine, which would
     * run the calls one after another.
     */
    static int race(TestUpbeat a, TestUpbeat b) {
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Integer>> runs = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 4; i++) {
                for (TestUpbeat t : List.of(a, b)) {
                    runs.add(CompletableFuture.supplyAsync(() -> {
                        await(go);
                        return t.upbeat.drafts().postDue();
                    }, threads));
                }
            }
            go.countDown();
            return runs.stream().mapToInt(CompletableFuture::join).sum();
        }
    }

    static void assertPostedOnce(TestUpbeat t, long draft) {
        Draft posted = t.upbeat.drafts().get(advisoryOf(t, draft), draft);
        assertThat(posted.postedBy()).isEqualTo(DraftService.SCHEDULE);
        assertThat(posted.incidentId()).isNotNull();
        int incidents = count(t, "SELECT COUNT(*) FROM incidents WHERE title = 'Applying the OpenSSL fix'");
        int events = count(t, "SELECT COUNT(*) FROM notification_events WHERE incident_id = " + posted.incidentId());
        assertThat(incidents).isEqualTo(1);
        assertThat(events).as("subscribers are told once").isEqualTo(1);
        assertThat(t.upbeat.snapshots().rebuild().incident(posted.incidentId())).isPresent();
    }

    static int count(TestUpbeat t, String sql) {
        return t.upbeat.database().read(tx -> tx.handle().createQuery(sql).mapTo(Integer.class).one());
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
