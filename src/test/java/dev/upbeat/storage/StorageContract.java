package dev.upbeat.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.upbeat.component.ComponentDraft;
import dev.upbeat.component.ComponentStatus;
import dev.upbeat.component.GroupDraft;
import dev.upbeat.incident.Incident;
import dev.upbeat.incident.IncidentDraft;
import dev.upbeat.incident.IncidentEdit;
import dev.upbeat.incident.IncidentStatus;
import dev.upbeat.incident.MaintenanceDraft;
import dev.upbeat.incident.UpdateDraft;
import dev.upbeat.problem.Problem;
import dev.upbeat.status.PublicStatus;
import dev.upbeat.testing.TestUpbeat;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One contract for every database Upbeat runs on: the same services, the same answers. Each
 * subclass names a fresh database; nothing here knows which one it is.
 */
abstract class StorageContract {
    private static final Instant DAY = Instant.parse("2026-10-05T00:00:00Z");

    TestUpbeat t;

    abstract String freshDatabaseUrl();

    @BeforeEach
    void start() {
        t = TestUpbeat.services(freshDatabaseUrl());
        t.clock.set(DAY);
    }

    @AfterEach
    void stop() {
        t.close();
    }

    private String component(String name, String group) {
        return t.upbeat.components().create(ComponentDraft.builder().name(name).group(group).build()).id();
    }

    private PublicStatus snapshot() {
        return t.upbeat.snapshots().rebuild();
    }

    private ComponentStatus statusOf(String id) {
        return snapshot().component(id).orElseThrow().status();
    }

    private Incident open(String title, Map<String, String> components) {
        return t.upbeat.incidents().open(IncidentDraft.builder().title(title).status("investigating")
                .message("Looking into it.").components(components).build());
    }

    @Test
    void a_new_component_gets_a_slug_id_an_operational_status_and_its_group() {
        String id = component("Web Dynos", "Apps");
        String again = component("Web Dynos", "Apps");

        assertThat(id).isEqualTo("web-dynos");
        assertThat(again).isEqualTo("web-dynos-2");
        PublicStatus s = snapshot();
        assertThat(s.component(id).orElseThrow().status()).isEqualTo(ComponentStatus.OPERATIONAL);
        assertThat(s.groups()).extracting(g -> g.name()).containsExactly("Apps");
        assertThat(s.componentsOf("apps")).hasSize(2);
    }

    @Test
    void an_open_incident_holds_its_components_and_resolving_returns_them_to_operational() {
        String api = component("API", "Tools");
        String web = component("Web", "Tools");
        Incident i = open("Errors", Map.of(api, "major_outage", web, "degraded_performance"));

        assertThat(statusOf(api)).isEqualTo(ComponentStatus.MAJOR_OUTAGE);
        assertThat(statusOf(web)).isEqualTo(ComponentStatus.DEGRADED_PERFORMANCE);
        assertThat(i.impact().wire()).isEqualTo("critical");

        t.upbeat.incidents().resolve(i.id(), null, null);
        assertThat(statusOf(api)).isEqualTo(ComponentStatus.OPERATIONAL);
        assertThat(statusOf(web)).isEqualTo(ComponentStatus.OPERATIONAL);
        Incident resolved = snapshot().incident(i.id()).orElseThrow();
        assertThat(resolved.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(resolved.resolvedAt()).isNotNull();
        assertThat(resolved.updates()).hasSize(2);
        assertThat(resolved.latestUpdate().changes()).anySatisfy(c -> {
            assertThat(c.componentId()).isEqualTo(api);
            assertThat(c.oldStatus()).isEqualTo(ComponentStatus.MAJOR_OUTAGE);
            assertThat(c.newStatus()).isEqualTo(ComponentStatus.OPERATIONAL);
        });
    }

    @Test
    void a_component_held_by_two_incidents_shows_the_worst_until_both_are_resolved() {
        String api = component("API", null);
        Incident first = open("First", Map.of(api, "partial_outage"));
        Incident second = open("Second", Map.of(api, "major_outage"));
        assertThat(statusOf(api)).isEqualTo(ComponentStatus.MAJOR_OUTAGE);

        t.upbeat.incidents().resolve(second.id(), "Fixed.", null);
        assertThat(statusOf(api)).isEqualTo(ComponentStatus.PARTIAL_OUTAGE);

        t.upbeat.incidents().resolve(first.id(), "Fixed.", null);
        assertThat(statusOf(api)).isEqualTo(ComponentStatus.OPERATIONAL);
    }

    @Test
    void the_manual_status_applies_only_while_nothing_holds_the_component() {
        String api = component("API", null);
        t.upbeat.components().setStatus(api, ComponentStatus.DEGRADED_PERFORMANCE);
        assertThat(statusOf(api)).isEqualTo(ComponentStatus.DEGRADED_PERFORMANCE);

        Incident i = open("Down", Map.of(api, "major_outage"));
        assertThatThrownBy(() -> t.upbeat.components().setStatus(api, ComponentStatus.OPERATIONAL))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.kind()).isEqualTo(Problem.Kind.CONFLICT));
        assertThat(statusOf(api)).isEqualTo(ComponentStatus.MAJOR_OUTAGE);
        t.upbeat.incidents().resolve(i.id(), null, null);
        assertThat(statusOf(api)).isEqualTo(ComponentStatus.OPERATIONAL);
    }

    @Test
    void an_impossible_lifecycle_move_is_refused_and_changes_nothing() {
        String api = component("API", null);
        Incident i = open("Down", Map.of(api, "major_outage"));
        t.upbeat.incidents().resolve(i.id(), null, null);

        assertThatThrownBy(() -> t.upbeat.incidents().postUpdate(i.id(), new UpdateDraft("investigating", "Back?", null, null)))
                .isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.kind()).isEqualTo(Problem.Kind.CONFLICT);
                    assertThat(p.getMessage()).contains("from resolved to investigating").contains("postmortem");
                });
        Incident after = snapshot().incident(i.id()).orElseThrow();
        assertThat(after.updates()).hasSize(2);

        t.upbeat.incidents().postUpdate(i.id(), new UpdateDraft("postmortem", "Root cause: a bad deploy.", null, null));
        assertThat(snapshot().incident(i.id()).orElseThrow().postmortem()).isEqualTo("Root cause: a bad deploy.");
    }

    @Test
    void a_failed_write_leaves_nothing_half_written() {
        String api = component("API", null);
        assertThatThrownBy(() -> open("Half", Map.of(api, "major_outage", "no-such-component", "major_outage")))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.field()).isEqualTo("components.no-such-component"));

        PublicStatus s = snapshot();
        assertThat(s.incidents()).isEmpty();
        assertThat(s.component(api).orElseThrow().status()).isEqualTo(ComponentStatus.OPERATIONAL);
        int holds = t.upbeat.database().read(tx -> tx.handle().createQuery("SELECT COUNT(*) FROM component_holds")
                .mapTo(Integer.class).one());
        assertThat(holds).isZero();
    }

    @Test
    void status_changes_become_daily_uptime_with_partial_outage_weighted() {
        String api = component("API", null);
        t.clock.set(DAY.plus(Duration.ofHours(10)));
        Incident i = open("Down", Map.of(api, "major_outage"));
        t.clock.set(DAY.plus(Duration.ofHours(11)));
        t.upbeat.incidents().postUpdate(i.id(), new UpdateDraft("monitoring", "Better.", Map.of(api, "partial_outage"), null));
        t.clock.set(DAY.plus(Duration.ofHours(13)));
        t.upbeat.incidents().resolve(i.id(), null, null);
        t.clock.set(DAY.plus(Duration.ofHours(36)));

        var uptime = snapshot().uptime().get(api);
        var firstDay = uptime.days().stream().filter(d -> d.day().toString().equals("2026-10-05")).findFirst().orElseThrow();
        assertThat(firstDay.totals().majorSeconds()).isEqualTo(3600);
        assertThat(firstDay.totals().partialSeconds()).isEqualTo(7200);
        assertThat(firstDay.totals().observedSeconds()).isEqualTo(86_400);
        double expectedDay = 1 - (3600 + 0.3 * 7200) / 86_400d;
        assertThat(firstDay.uptime()).hasValueSatisfying(u -> assertThat(u).isCloseTo(expectedDay, within(1e-9)));
        double expected90 = 1 - (3600 + 0.3 * 7200) / (86_400d + 12 * 3600);
        assertThat(uptime.last90Days()).hasValueSatisfying(u -> assertThat(u).isCloseTo(expected90, within(1e-9)));
        assertThat(uptime.previousMonth()).as("September: the component did not exist yet").isEmpty();
        var dayBefore = uptime.days().stream().filter(d -> d.day().toString().equals("2026-10-04")).findFirst().orElseThrow();
        assertThat(dayBefore.uptime()).as("before the component existed is unknown, not 100%").isEmpty();
    }

    @Test
    void a_back_dated_incident_counts_its_downtime_from_when_it_really_began() {
        String api = component("API", null);
        t.clock.set(DAY.plus(Duration.ofHours(12)));
        Incident i = t.upbeat.incidents().open(IncidentDraft.builder().title("Found late").status("identified")
                .impact("major").message("Since 10:00.").components(Map.of(api, "major_outage"))
                .startedAt(DAY.plus(Duration.ofHours(10))).build());
        t.clock.set(DAY.plus(Duration.ofHours(13)));
        t.upbeat.incidents().resolve(i.id(), null, null);
        t.clock.set(DAY.plus(Duration.ofHours(20)));

        var today = snapshot().uptime().get(api).days().get(89);
        assertThat(today.totals().majorSeconds()).isEqualTo(3 * 3600);

        t.upbeat.incidents().edit(i.id(), new IncidentEdit(null, null, DAY.plus(Duration.ofHours(9)), null));
        today = snapshot().uptime().get(api).days().get(89);
        assertThat(today.totals().majorSeconds()).isEqualTo(4 * 3600);
        assertThat(snapshot().incident(i.id()).orElseThrow().startedAt()).isEqualTo(DAY.plus(Duration.ofHours(9)));
        assertThatThrownBy(() -> t.upbeat.incidents().edit(i.id(), new IncidentEdit(null, null, DAY.plus(Duration.ofHours(10)), null)))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.kind()).isEqualTo(Problem.Kind.CONFLICT));
    }

    @Test
    void a_past_incident_recorded_after_the_fact_counts_only_its_window() {
        String api = component("API", null);
        t.clock.set(DAY.plus(Duration.ofHours(20)));
        t.upbeat.incidents().open(IncidentDraft.builder().title("Blip").status("resolved")
                .message("A short blip earlier today.").components(Map.of(api, "partial_outage"))
                .startedAt(DAY.plus(Duration.ofHours(2))).resolvedAt(DAY.plus(Duration.ofHours(3)))
                .notifySubscribers(false).build());

        var today = snapshot().uptime().get(api).days().get(89);
        assertThat(today.totals().partialSeconds()).isEqualTo(3600);
        assertThat(today.totals().majorSeconds()).isZero();
        assertThat(statusOf(api)).isEqualTo(ComponentStatus.OPERATIONAL);
    }

    @Test
    void maintenance_starts_and_completes_itself_at_its_local_times() {
        String db = component("Postgres", "Data");
        Incident m = t.upbeat.maintenances().schedule(MaintenanceDraft.builder().title("Upgrade")
                .message("Minor upgrade.").components(List.of(db)).scheduledFor("2026-10-05T04:00")
                .scheduledUntil("2026-10-05T05:00").timeZone("Europe/Paris").build());
        assertThat(m.scheduledFor()).isEqualTo(Instant.parse("2026-10-05T02:00:00Z"));
        assertThat(m.status()).isEqualTo(IncidentStatus.SCHEDULED);

        t.clock.set(Instant.parse("2026-10-05T02:00:01Z"));
        assertThat(t.upbeat.maintenances().runDue()).isEqualTo(1);
        assertThat(statusOf(db)).isEqualTo(ComponentStatus.UNDER_MAINTENANCE);
        assertThat(t.upbeat.maintenances().runDue()).as("runs once").isZero();

        t.clock.set(Instant.parse("2026-10-05T03:00:00Z"));
        t.upbeat.maintenances().runDue();
        assertThat(statusOf(db)).isEqualTo(ComponentStatus.OPERATIONAL);
        Incident done = snapshot().maintenance(m.id()).orElseThrow();
        assertThat(done.status()).isEqualTo(IncidentStatus.COMPLETED);
        assertThat(done.updates()).extracting(u -> u.status().wire()).containsExactly("scheduled", "in_progress", "completed");
        assertThatThrownBy(() -> t.upbeat.maintenances().start(m.id(), null))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.kind()).isEqualTo(Problem.Kind.CONFLICT));
    }

    @Test
    void an_outage_during_maintenance_shows_as_the_outage() {
        String db = component("Postgres", null);
        Incident m = t.upbeat.maintenances().schedule(MaintenanceDraft.builder().title("Upgrade")
                .message("Upgrade.").components(List.of(db)).scheduledFor("2026-10-05T01:00:00Z")
                .scheduledUntil("2026-10-05T05:00:00Z").autoStart(false).autoComplete(false).build());
        t.upbeat.maintenances().start(m.id(), null);
        Incident i = open("Broke", Map.of(db, "major_outage"));
        assertThat(statusOf(db)).isEqualTo(ComponentStatus.MAJOR_OUTAGE);
        t.upbeat.incidents().resolve(i.id(), null, null);
        assertThat(statusOf(db)).isEqualTo(ComponentStatus.UNDER_MAINTENANCE);
        t.upbeat.maintenances().complete(m.id(), null);
        assertThat(statusOf(db)).isEqualTo(ComponentStatus.OPERATIONAL);
    }

    @Test
    void groups_can_be_renamed_reordered_and_deleted_leaving_their_components() {
        component("API", "Tools");
        component("Web", "Apps");
        t.upbeat.groups().reorder(List.of("apps"));
        assertThat(snapshot().groups()).extracting(g -> g.id()).containsExactly("apps", "tools");
        t.upbeat.groups().update("tools", new GroupDraft("Dev Tools", null, null));
        assertThat(snapshot().group("tools").orElseThrow().name()).isEqualTo("Dev Tools");

        t.upbeat.groups().delete("tools");
        assertThat(snapshot().component("api").orElseThrow().groupId()).isNull();
    }

    @Test
    void a_component_affected_by_an_open_incident_cannot_be_deleted() {
        String api = component("API", null);
        Incident i = open("Down", Map.of(api, "major_outage"));
        assertThatThrownBy(() -> t.upbeat.components().delete(api))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.kind()).isEqualTo(Problem.Kind.CONFLICT));
        t.upbeat.incidents().resolve(i.id(), null, null);
        t.upbeat.components().delete(api);
        assertThat(snapshot().component(api)).isEmpty();
        assertThat(snapshot().incident(i.id())).as("history keeps the incident").isPresent();
    }

    @Test
    void tokens_are_stored_only_as_hashes_and_stop_working_when_revoked() {
        var issued = t.upbeat.tokens().create("ci");
        assertThat(issued.secret()).startsWith("upb_");
        assertThat(t.upbeat.tokens().authenticate(issued.secret())).contains("ci");
        List<String> stored = t.upbeat.database().read(tx -> tx.handle().createQuery("SELECT token_hash FROM api_tokens")
                .mapTo(String.class).list());
        assertThat(stored).hasSize(1).noneMatch(h -> h.contains(issued.secret().substring(4)));

        t.upbeat.tokens().revoke("ci");
        assertThat(t.upbeat.tokens().authenticate(issued.secret())).isEmpty();
        assertThat(t.upbeat.tokens().authenticate(TestUpbeat.ADMIN_TOKEN)).contains("UPBEAT_ADMIN_TOKEN");
        assertThat(t.upbeat.tokens().authenticate("wrong")).isEmpty();
    }
}
