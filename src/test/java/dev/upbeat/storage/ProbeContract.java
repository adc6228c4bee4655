package dev.upbeat.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.upbeat.component.ComponentDraft;
import dev.upbeat.component.ComponentStatus;
import dev.upbeat.incident.Incident;
import dev.upbeat.incident.MaintenanceDraft;
import dev.upbeat.probe.Probe;
import dev.upbeat.probe.ProbeDraft;
import dev.upbeat.probe.ProbeRepository;
import dev.upbeat.problem.Problem;
import dev.upbeat.testing.TestUpbeat;
import dev.upbeat.testing.ProbedServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Probes on every database: claims run each check once, results roll up and expire with the
 * clock, a stopped Upbeat leaves unknown time rather than downtime, and auto-incidents open and
 * resolve once without flapping. Checks go to a real local HTTP server. Subclasses name a database.
 */
abstract class ProbeContract {
    private static final Instant MIDNIGHT = Instant.parse("2026-10-05T00:00:00Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);

    TestUpbeat t;
    ProbedServer upstream;
    String component;

    abstract String freshDatabaseUrl();

    @BeforeEach
    void start() {
        t = TestUpbeat.services(freshDatabaseUrl(), Map.of("UPBEAT_PROBE_MIN_STATE_CHANGE", "PT5M"));
        t.clock.set(MIDNIGHT);
        upstream = new ProbedServer();
        component = t.upbeat.components().create(ComponentDraft.builder().name("Web").build()).id();
    }

    @AfterEach
    void stop() {
        upstream.close();
        t.close();
    }

    private Probe probe(String interval, boolean autoIncident) {
        return t.upbeat.probes().service().create(ProbeDraft.builder().name("web").url(upstream.url("/health"))
                .interval(interval).timeout("PT2S").component(component).autoIncident(autoIncident).build());
    }

    /** Moves the clock one interval and runs what is due, {@code times} times. */
    private void runEvery(Duration interval, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(t.upbeat.probes().runner().runDue()).isEqualTo(1);
            t.clock.advance(interval);
        }
    }

    private long count(String sql) {
        return t.upbeat.database().read(tx -> tx.handle().createQuery(sql).mapTo(Long.class).one());
    }

    private List<Incident> incidents() {
        return t.upbeat.snapshots().rebuild().incidents();
    }

    private ComponentStatus status() {
        return t.upbeat.snapshots().rebuild().component(component).orElseThrow().status();
    }

    @Test
    void a_due_probe_is_run_once_however_many_runners_claim_it_at_the_same_time() throws Exception {
        probe("PT1M", false);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> runs = new ArrayList<>();
        Callable<Integer> run = () -> t.upbeat.probes().runner().runDue();
        for (int i = 0; i < 4; i++) {
            runs.add(pool.submit(run));
        }
        int ran = 0;
        for (Future<Integer> f : runs) {
            ran += f.get();
        }
        pool.shutdown();

        assertThat(ran).isEqualTo(1);
        assertThat(upstream.requests()).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM probe_results")).isEqualTo(1);
        assertThat(t.upbeat.probes().runner().runDue()).isZero();
        t.clock.advance(MINUTE);
        assertThat(t.upbeat.probes().runner().runDue()).isEqualTo(1);
    }

    private List<Probe> claimDue(ProbeRepository repo, Instant now) {
        return t.upbeat.database().inTransaction(tx -> repo.claimDue(tx, now, 50));
    }

    @Test
    void a_run_claimed_by_an_instance_that_died_is_run_by_another_when_its_claim_ends_not_an_interval_later() {
        Probe p = probe("PT5M", false);
        ProbeRepository repo = new ProbeRepository();
        // Another instance claims the run, then is killed before recording anything.
        assertThat(claimDue(repo, MIDNIGHT)).hasSize(1);
        assertThat(p.claimLease()).as("the 2 s timeout and time to record").isEqualTo(Duration.ofSeconds(12));

        t.clock.advance(Duration.ofSeconds(11));
        assertThat(t.upbeat.probes().runner().runDue()).as("still held").isZero();
        t.clock.advance(Duration.ofSeconds(1));
        assertThat(t.upbeat.probes().runner().runDue()).isEqualTo(1);
        assertThat(upstream.requests()).isEqualTo(1);

        // The run that took over sets the next one a whole interval after its own claim, as a single instance would.
        t.clock.advance(Duration.ofMinutes(5).minusMillis(1));
        assertThat(t.upbeat.probes().runner().runDue()).isZero();
        t.clock.advance(Duration.ofMillis(1));
        assertThat(t.upbeat.probes().runner().runDue()).isEqualTo(1);
    }

    @Test
    void a_late_result_of_a_lapsed_claim_leaves_the_claim_that_took_over_alone() {
        Probe p = probe("PT5M", false);
        ProbeRepository repo = new ProbeRepository();
        Instant first = MIDNIGHT;
        Instant second = first.plus(p.claimLease());
        claimDue(repo, first);
        assertThat(claimDue(repo, second)).hasSize(1);

        t.upbeat.database().useTransaction(tx -> repo.scheduleNext(tx, p.id(), first.plus(p.claimLease()), first.plus(p.interval())));
        assertThat(claimDue(repo, second.plus(p.claimLease()).minusMillis(1)))
                .as("the second claim still holds").isEmpty();
        t.upbeat.database().useTransaction(tx -> repo.scheduleNext(tx, p.id(), second.plus(p.claimLease()), second.plus(p.interval())));
        assertThat(claimDue(repo, second.plus(p.interval()).minusMillis(1))).isEmpty();
        assertThat(claimDue(repo, second.plus(p.interval()))).hasSize(1);
    }

    @Test
    void a_probe_needs_an_existing_component_and_a_unique_name() {
        probe("PT1M", false);
        assertThatThrownBy(() -> probe("PT1M", false)).isInstanceOf(Problem.class).hasMessageContaining("already exists");
        assertThatThrownBy(() -> t.upbeat.probes().service().create(ProbeDraft.builder().name("other")
                .url(upstream.url("/")).component("nope").build()))
                .isInstanceOf(Problem.class).extracting(e -> ((Problem) e).field()).isEqualTo("component");
    }

    @Test
    void results_roll_up_per_hour_and_day_and_a_stopped_period_is_unknown_not_down() {
        Duration five = Duration.ofMinutes(5);
        probe("PT5M", false);
        runEvery(five, 24);          // 00:00-02:00 up
        upstream.down();
        runEvery(five, 12);          // 02:00-03:00 down
        upstream.up();
        t.clock.advance(Duration.ofHours(3)); // Upbeat stopped 03:00-06:00: no results at all
        runEvery(five, 24);          // 06:00-08:00 up
        t.clock.set(MIDNIGHT.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(5)));
        t.upbeat.probes().rollups().run();

        assertThat(count("SELECT COUNT(*) FROM probe_rollups WHERE bucket = 'hour'")).isEqualTo(5);
        assertThat(count("SELECT checks FROM probe_rollups WHERE bucket = 'day'")).isEqualTo(60);
        assertThat(count("SELECT down_seconds FROM probe_rollups WHERE bucket = 'day'")).isEqualTo(3600);
        assertThat(count("SELECT up_seconds FROM probe_rollups WHERE bucket = 'day'")).isEqualTo(4 * 3600);
        assertThat(count("SELECT COUNT(*) FROM probe_rollups WHERE p50_ms IS NULL OR p50_ms > p95_ms OR p95_ms > p99_ms")).isZero();

        var measured = t.upbeat.snapshots().rebuild().measured().uptimeOf(component).orElseThrow();
        var day = measured.daily().get(java.time.LocalDate.parse("2026-10-05"));
        // Five hours observed (one down), three unknown: 80%, where counting the stop as down would say 50%.
        assertThat(day.observedSeconds()).isEqualTo(5 * 3600);
        assertThat(measured.days().get(measured.days().size() - 2).uptime().orElseThrow()).isCloseTo(0.8, within(1e-9));
    }

    @Test
    void raw_results_then_hourly_then_daily_roll_ups_are_pruned_as_they_age() {
        probe("PT5M", false);
        runEvery(Duration.ofMinutes(5), 24);
        t.clock.set(MIDNIGHT.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(5)));
        t.upbeat.probes().rollups().run();
        assertThat(count("SELECT COUNT(*) FROM probe_results")).isEqualTo(24);

        t.clock.advance(Duration.ofDays(7));
        t.upbeat.probes().rollups().run();
        assertThat(count("SELECT COUNT(*) FROM probe_results")).isZero();
        assertThat(count("SELECT COUNT(*) FROM probe_rollups WHERE bucket = 'hour'")).isEqualTo(2);

        t.clock.advance(Duration.ofDays(90));
        t.upbeat.probes().rollups().run();
        assertThat(count("SELECT COUNT(*) FROM probe_rollups WHERE bucket = 'hour'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM probe_rollups WHERE bucket = 'day'")).isEqualTo(1);

        t.clock.advance(Duration.ofDays(800));
        t.upbeat.probes().rollups().run();
        assertThat(count("SELECT COUNT(*) FROM probe_rollups")).isZero();
    }

    @Test
    void an_alternating_upstream_never_opens_an_incident_and_a_steady_outage_opens_and_resolves_one() {
        probe("PT1M", true);
        for (int i = 0; i < 10; i++) {
            upstream.down();
            runEvery(MINUTE, 2);
            upstream.up();
            runEvery(MINUTE, 1);
        }
        assertThat(incidents()).isEmpty();

        upstream.down();
        runEvery(MINUTE, 3);
        assertThat(incidents()).hasSize(1);
        Incident opened = incidents().get(0);
        assertThat(opened.title()).isEqualTo("Web is not responding");
        assertThat(opened.latestUpdate().message()).contains("web").contains("3 times").contains("HTTP 503");
        assertThat(status()).isEqualTo(ComponentStatus.MAJOR_OUTAGE);

        for (int i = 0; i < 4; i++) {   // one success at a time never resolves it
            upstream.up();
            runEvery(MINUTE, 1);
            upstream.down();
            runEvery(MINUTE, 1);
        }
        assertThat(incidents().get(0).resolvedAt()).isNull();

        upstream.up();
        runEvery(MINUTE, 2);
        assertThat(incidents()).hasSize(1);
        assertThat(incidents().get(0).resolvedAt()).isNotNull();
        assertThat(incidents().get(0).latestUpdate().message()).contains("2 times");
        assertThat(status()).isEqualTo(ComponentStatus.OPERATIONAL);
    }

    @Test
    void after_a_change_the_next_waits_for_the_minimum_time_even_past_the_threshold() {
        probe("PT1M", true);
        upstream.down();
        runEvery(MINUTE, 5);            // opens at the 3rd failure (00:02)
        upstream.up();
        runEvery(MINUTE, 2);            // 00:05 and 00:06: resolves at 00:07 only after 5 minutes
        assertThat(incidents().get(0).resolvedAt()).isNull();
        runEvery(MINUTE, 1);
        assertThat(incidents().get(0).resolvedAt()).isNotNull();

        upstream.down();
        runEvery(MINUTE, 4);            // 00:08-00:11: past the threshold, but too soon after the resolve
        assertThat(incidents()).hasSize(1);
        runEvery(MINUTE, 1);            // 00:12: five minutes since 00:07
        assertThat(incidents()).hasSize(2);
    }

    @Test
    void an_auto_incident_resolved_by_hand_is_not_reopened_at_the_next_failure() {
        probe("PT1M", true);
        upstream.down();
        runEvery(MINUTE, 3);
        assertThat(incidents()).hasSize(1);
        t.clock.advance(Duration.ofMinutes(10));   // long past the minimum time since it opened
        t.upbeat.incidents().resolve(incidents().get(0).id(), "Known issue, tracked elsewhere.", null);

        runEvery(MINUTE, 1);            // still failing: counting starts again from the resolve
        assertThat(incidents()).hasSize(1);
        runEvery(MINUTE, 5);            // failures past the threshold and the minimum time: a new incident
        assertThat(incidents()).hasSize(2);
    }

    @Test
    void maintenance_in_progress_holds_off_auto_incidents_and_counts_as_maintenance_not_downtime() {
        probe("PT1M", true);
        Incident window = t.upbeat.maintenances().schedule(MaintenanceDraft.builder().title("Upgrade")
                .message("Upgrading.").components(List.of(component)).scheduledFor("2026-10-05T00:00:00Z")
                .scheduledUntil("2026-10-05T01:00:00Z").autoStart(false).autoComplete(false).build());
        t.upbeat.maintenances().start(window.id(), null);
        upstream.down();
        runEvery(MINUTE, 5);
        assertThat(incidents()).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM probe_results WHERE in_maintenance = " + trueLiteral())).isEqualTo(5);

        t.upbeat.maintenances().complete(window.id(), null);
        runEvery(MINUTE, 1);
        assertThat(incidents()).hasSize(1);
    }

    private String trueLiteral() {
        return t.upbeat.database().dialect() == Dialect.SQLITE ? "1" : "TRUE";
    }
}
