package dev.upbeat.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.upbeat.component.ComponentDraft;
import dev.upbeat.incident.Incident;
import dev.upbeat.incident.IncidentDraft;
import dev.upbeat.incident.MaintenanceDraft;
import dev.upbeat.incident.UpdateDraft;
import dev.upbeat.notification.DeliveryRepository;
import dev.upbeat.problem.Problem;
import dev.upbeat.subscription.SubscribeRequest;
import dev.upbeat.subscription.Subscriber;
import dev.upbeat.testing.TestUpbeat;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The notification outbox on every database: which subscribers an update reaches, that the
 * deliveries commit with the update or not at all, and that claims hand each delivery to one
 * worker. Subclasses name a fresh database.
 */
abstract class OutboxContract {
    private static final Instant NOW = Instant.parse("2026-10-05T10:00:00Z");

    TestUpbeat t;

    abstract String freshDatabaseUrl();

    @BeforeEach
    void start() {
        t = TestUpbeat.services(freshDatabaseUrl(), Map.of("SMTP_URL", "smtp://127.0.0.1:1",
                "UPBEAT_WEBHOOK_ALLOW", "hooks.example.test"));
        t.clock.set(NOW);
    }

    @AfterEach
    void stop() {
        t.close();
    }

    private String component(String name) {
        return t.upbeat.components().create(ComponentDraft.builder().name(name).build()).id();
    }

    private Subscriber hook(String name, List<String> components) {
        return t.upbeat.notifications().subscriptions().subscribe(
                new SubscribeRequest("webhook", "https://hooks.example.test/" + name, components, null, true), true);
    }

    private Incident open(String title, Map<String, String> components, Boolean notify) {
        return t.upbeat.incidents().open(IncidentDraft.builder().title(title).message("Looking.").components(components)
                .notifySubscribers(notify).build());
    }

    private List<String> recipients(String kind) {
        return t.upbeat.database().read(tx -> tx.handle().createQuery("""
                SELECT s.address FROM deliveries d JOIN notification_events e ON e.id = d.event_id
                JOIN subscribers s ON s.id = d.subscriber_id WHERE e.kind = :k ORDER BY s.address""")
                .bind("k", kind).mapTo(String.class).list());
    }

    private int count(String table) {
        return t.upbeat.database().read(tx -> tx.handle().createQuery("SELECT COUNT(*) FROM " + table).mapTo(Integer.class).one());
    }

    @Test
    void an_update_reaches_each_confirmed_subscriber_whose_components_match_once() {
        String api = component("API");
        String web = component("Web");
        hook("all", null);
        hook("api", List.of(api));
        hook("web", List.of(web));
        t.upbeat.notifications().subscriptions().subscribe(new SubscribeRequest("email", "pending@example.com", null, null, null), false);

        Incident i = open("API down", Map.of(api, "major_outage"), null);
        t.upbeat.incidents().postUpdate(i.id(), new UpdateDraft("identified", "Found it.", null, null));
        t.upbeat.incidents().resolve(i.id(), null, null);

        String base = "https://hooks.example.test/";
        assertThat(recipients("incident_opened")).containsExactly(base + "all", base + "api");
        assertThat(recipients("incident_updated")).containsExactly(base + "all", base + "api");
        assertThat(recipients("incident_resolved")).containsExactly(base + "all", base + "api");
    }

    @Test
    void an_update_posted_with_notifications_off_writes_no_event_and_no_delivery() {
        String api = component("API");
        hook("all", null);
        Incident i = open("Quiet", Map.of(api, "degraded_performance"), false);
        t.upbeat.incidents().resolve(i.id(), "Fixed quietly.", false);
        assertThat(count("notification_events")).isZero();
        assertThat(count("deliveries")).isZero();
    }

    @Test
    void a_refused_write_leaves_no_event_and_no_delivery() {
        String api = component("API");
        hook("all", null);
        assertThatThrownBy(() -> open("Half", Map.of(api, "major_outage", "nope", "major_outage"), null))
                .isInstanceOf(Problem.class);
        assertThat(count("notification_events")).isZero();
        assertThat(count("deliveries")).isZero();
    }

    @Test
    void maintenance_announces_scheduled_started_and_completed() {
        String db = component("Postgres");
        hook("all", null);
        Incident m = t.upbeat.maintenances().schedule(MaintenanceDraft.builder().title("Upgrade").message("Planned.")
                .components(List.of(db)).scheduledFor("2026-10-05T11:00:00Z").scheduledUntil("2026-10-05T12:00:00Z").build());
        t.clock.set(Instant.parse("2026-10-05T11:00:01Z"));
        t.upbeat.maintenances().runDue();
        t.upbeat.maintenances().complete(m.id(), null);
        List<String> kinds = t.upbeat.database().read(tx -> tx.handle()
                .createQuery("SELECT kind FROM notification_events ORDER BY id").mapTo(String.class).list());
        assertThat(kinds).containsExactly("maintenance_scheduled", "maintenance_started", "maintenance_completed");
    }

    @Test
    void concurrent_claims_hand_each_delivery_to_exactly_one_worker() throws Exception {
        for (int k = 0; k < 60; k++) {
            hook("h" + k, null);
        }
        open("Busy", Map.of(), null);
        DeliveryRepository repo = new DeliveryRepository();
        ConcurrentLinkedQueue<Long> claimed = new ConcurrentLinkedQueue<>();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            Thread th = new Thread(() -> {
                try {
                    go.await();
                    List<DeliveryRepository.Claim> batch;
                    do {
                        batch = t.upbeat.database().inTransaction(tx -> repo.claim(tx, "webhook", "test", NOW, NOW.plusSeconds(60), 7));
                        batch.forEach(c -> claimed.add(c.id()));
                    } while (!batch.isEmpty());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            th.start();
            workers.add(th);
        }
        go.countDown();
        for (Thread th : workers) {
            th.join(30_000);
        }
        Set<Long> distinct = new HashSet<>(claimed);
        assertThat(claimed).hasSize(60);
        assertThat(distinct).hasSize(60);
    }

    @Test
    void a_claim_whose_worker_died_comes_due_again_when_its_lease_ends() {
        hook("one", null);
        open("Crash", Map.of(), null);
        DeliveryRepository repo = new DeliveryRepository();
        var first = t.upbeat.database().inTransaction(tx -> repo.claim(tx, "webhook", "test", NOW, NOW.plus(Duration.ofMinutes(5)), 10));
        assertThat(first).hasSize(1);
        var during = t.upbeat.database().inTransaction(tx -> repo.claim(tx, "webhook", "test", NOW.plusSeconds(299), NOW.plusSeconds(600), 10));
        assertThat(during).as("still leased").isEmpty();
        var after = t.upbeat.database().inTransaction(tx -> repo.claim(tx, "webhook", "test", NOW.plusSeconds(300), NOW.plusSeconds(600), 10));
        assertThat(after).extracting(DeliveryRepository.Claim::id).containsExactly(first.get(0).id());
        assertThat(after.get(0).attempts()).isEqualTo(2);
    }

    private int renew(DeliveryRepository repo, String instance, long id, Instant until) {
        return t.upbeat.database().inTransaction(tx -> repo.renew(tx, instance, List.of(id), until));
    }

    @Test
    void a_renewed_claim_stays_with_its_holder_while_an_unrenewed_one_comes_due_when_its_lease_ends() {
        hook("kept", null);
        hook("lapsed", null);
        open("Lease", Map.of(), null);
        DeliveryRepository repo = new DeliveryRepository();
        var claimed = t.upbeat.database().inTransaction(tx -> repo.claim(tx, "webhook", "a", NOW, NOW.plusSeconds(15), 10));
        assertThat(claimed).hasSize(2);
        long kept = claimed.get(0).id();
        long lapsed = claimed.get(1).id();

        assertThat(renew(repo, "b", kept, NOW.plusSeconds(40)))
                .as("another instance cannot renew a claim it does not hold").isZero();
        assertThat(renew(repo, "a", kept, NOW.plusSeconds(25))).isEqualTo(1);

        var atLeaseEnd = t.upbeat.database().inTransaction(tx -> repo.claim(tx, "webhook", "b", NOW.plusSeconds(15), NOW.plusSeconds(30), 10));
        assertThat(atLeaseEnd).extracting(DeliveryRepository.Claim::id).containsExactly(lapsed);
        assertThat(renew(repo, "a", lapsed, NOW.plusSeconds(40)))
                .as("a claim taken over is no longer its first holder's").isZero();
        var atRenewalEnd = t.upbeat.database().inTransaction(tx -> repo.claim(tx, "webhook", "b", NOW.plusSeconds(25), NOW.plusSeconds(40), 10));
        assertThat(atRenewalEnd).extracting(DeliveryRepository.Claim::id).containsExactly(kept);
    }

    @Test
    void a_claim_handed_back_is_due_at_once_without_counting_an_attempt_and_an_outcome_ends_the_hold() {
        hook("one", null);
        hook("two", null);
        open("Handover", Map.of(), null);
        DeliveryRepository repo = new DeliveryRepository();
        var claimed = t.upbeat.database().inTransaction(tx -> repo.claim(tx, "webhook", "a", NOW, NOW.plusSeconds(15), 10));
        long sent = claimed.get(0).id();
        long given = claimed.get(1).id();
        t.upbeat.database().useTransaction(tx -> repo.markSent(tx, sent, NOW));
        t.upbeat.database().useTransaction(tx -> repo.release(tx, "a", List.of(given), NOW));

        assertThat(renew(repo, "a", sent, NOW.plusSeconds(40))).isZero();
        var again = t.upbeat.database().inTransaction(tx -> repo.claim(tx, "webhook", "b", NOW, NOW.plusSeconds(15), 10));
        assertThat(again).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(given);
            assertThat(c.attempts()).isEqualTo(1);
        });
    }

    @Test
    void secrets_are_stored_but_never_part_of_what_admins_read() {
        var s = t.upbeat.notifications().subscriptions().subscribe(
                new SubscribeRequest("webhook", "https://hooks.example.test/s", null, "s3cret-value", true), true);
        var found = t.upbeat.notifications().directory().search(null, null, 10, 0);
        assertThat(found.total()).isEqualTo(1);
        assertThat(dev.upbeat.subscription.SubscriberView.of(found.subscribers().get(0)).toString()).doesNotContain("s3cret-value");
        assertThat(found.subscribers().get(0).toString()).doesNotContain("s3cret-value");
        assertThat(t.upbeat.notifications().directory().exportCsv()).doesNotContain("s3cret-value").contains(s.address());
    }
}
