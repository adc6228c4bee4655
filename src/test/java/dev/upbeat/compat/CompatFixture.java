package dev.upbeat.compat;

import static dev.upbeat.component.ComponentStatus.DEGRADED_PERFORMANCE;
import static dev.upbeat.component.ComponentStatus.MAJOR_OUTAGE;
import static dev.upbeat.component.ComponentStatus.OPERATIONAL;
import static dev.upbeat.component.ComponentStatus.PARTIAL_OUTAGE;
import static dev.upbeat.component.ComponentStatus.UNDER_MAINTENANCE;

import dev.upbeat.component.Component;
import dev.upbeat.component.ComponentGroup;
import dev.upbeat.component.ComponentStatus;
import dev.upbeat.incident.AffectedComponent;
import dev.upbeat.incident.ComponentChange;
import dev.upbeat.incident.Impact;
import dev.upbeat.incident.Incident;
import dev.upbeat.incident.IncidentStatus;
import dev.upbeat.incident.IncidentUpdate;
import dev.upbeat.incident.Kind;
import dev.upbeat.status.PublicStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * One fixed snapshot that exercises every mapping rule, with fixed instants: three groups (one
 * empty), a component outside any group, an open and a closed incident, and maintenance that is
 * upcoming, in progress and cancelled. The golden files under src/test/resources/compat describe
 * exactly this page.
 */
final class CompatFixture {
    static final PublicStatus.PageInfo PAGE = new PublicStatus.PageInfo("Example", "https://status.example.org", "Europe/Paris");

    private CompatFixture() {
    }

    static Instant at(String iso) {
        return Instant.parse(iso);
    }

    /** A group without a description, last changed when it was made; to finish by name. */
    private static ComponentGroup.Builder group(String id, String name, int position, String created) {
        return ComponentGroup.builder().id(id).name(name).position(position).createdAt(at(created)).updatedAt(at(created));
    }

    static PublicStatus snapshot() {
        List<ComponentGroup> groups = List.of(
                group("apps", "Apps", 1, "2026-01-01T00:00:00Z").description("Customer apps").build(),
                group("data", "Data", 2, "2026-01-01T00:00:00Z").updatedAt(at("2026-03-01T08:00:00Z")).build(),
                group("tools", "Tools", 3, "2026-01-01T00:00:00Z").build());
        List<Component> components = List.of(
                // Created late on 1 January in UTC, which is already 2 January in Paris: its start_date.
                component("router", "Router", "apps", "HTTP routing", 1, false, PARTIAL_OUTAGE, "2026-01-01T23:30:00Z", "2026-11-20T14:30:00Z"),
                component("dynos", "Dynos", "apps", null, 2, true, OPERATIONAL, "2026-02-10T09:00:00Z", "2026-11-12T10:00:00Z"),
                component("postgres", "Postgres", "data", "Managed PostgreSQL", 1, false, UNDER_MAINTENANCE, "2026-03-01T08:00:00Z", "2026-11-20T13:00:00Z"),
                component("docs", "Docs", null, null, 1, false, DEGRADED_PERFORMANCE, "2026-04-01T12:00:00Z", "2026-11-19T09:15:00Z"));
        return of(groups, components, List.of(routerErrors(), slowBuilds()),
                List.of(databaseUpgrade(), networkMaintenance(), oldPlan()), PARTIAL_OUTAGE);
    }

    /** A page with nothing on it yet. */
    static PublicStatus empty() {
        return of(List.of(), List.of(), List.of(), List.of(), OPERATIONAL);
    }

    static PublicStatus of(List<ComponentGroup> groups, List<Component> components, List<Incident> incidents,
                           List<Incident> maintenances, ComponentStatus overall) {
        return PublicStatus.builder().version(1).generatedAt(at("2026-11-20T14:45:00Z")).page(PAGE).overall(overall)
                .groups(groups).components(components).incidents(incidents).maintenances(maintenances).build();
    }

    static Component component(String id, String name, String group, String description, int position,
                               boolean onlyShowIfDegraded, ComponentStatus status, String created, String updated) {
        return Component.builder().id(id).name(name).groupId(group).description(description).position(position)
                .onlyShowIfDegraded(onlyShowIfDegraded).manualStatus(status == DEGRADED_PERFORMANCE ? status : OPERATIONAL)
                .status(status).createdAt(at(created)).updatedAt(at(updated)).build();
    }

    private static Incident routerErrors() {
        return incident(101, "Elevated router errors").impact(Impact.MAJOR).status(IncidentStatus.IDENTIFIED)
                .startedAt(at("2026-11-20T14:00:00Z")).createdAt(at("2026-11-20T14:02:11.250Z"))
                .updatedAt(at("2026-11-20T14:30:00Z"))
                .components(List.of(new AffectedComponent("router", PARTIAL_OUTAGE))).updates(List.of(
                        update(1001, 101, IncidentStatus.INVESTIGATING, "We are **investigating** [errors](https://status.example.org/help).",
                                true, "2026-11-20T14:02:11.250Z", new ComponentChange("router", OPERATIONAL, MAJOR_OUTAGE)),
                        update(1002, 101, IncidentStatus.IDENTIFIED, "Cause found:\n\n- a bad deploy\n- rolling back",
                                false, "2026-11-20T14:30:00Z", new ComponentChange("router", MAJOR_OUTAGE, PARTIAL_OUTAGE))))
                .build();
    }

    private static Incident slowBuilds() {
        return incident(100, "Slow builds").impact(Impact.MINOR).status(IncidentStatus.POSTMORTEM)
                .postmortem("A cache filled up.").startedAt(at("2026-11-12T09:00:00Z"))
                .createdAt(at("2026-11-12T09:05:00Z")).updatedAt(at("2026-11-13T08:00:00Z"))
                .monitoringAt(at("2026-11-12T09:40:00Z")).resolvedAt(at("2026-11-12T10:00:00Z"))
                .components(List.of(new AffectedComponent("dynos", DEGRADED_PERFORMANCE))).updates(List.of(
                        update(990, 100, IncidentStatus.INVESTIGATING, "Builds are slow.", true, "2026-11-12T09:05:00Z",
                                new ComponentChange("dynos", OPERATIONAL, DEGRADED_PERFORMANCE)),
                        update(991, 100, IncidentStatus.MONITORING, "Fixed; watching.", true, "2026-11-12T09:40:00Z"),
                        update(992, 100, IncidentStatus.RESOLVED, "All clear.", true, "2026-11-12T10:00:00Z",
                                new ComponentChange("dynos", DEGRADED_PERFORMANCE, OPERATIONAL)),
                        update(993, 100, IncidentStatus.POSTMORTEM, "A cache filled up.", false, "2026-11-13T08:00:00Z")))
                .build();
    }

    private static Incident databaseUpgrade() {
        return maintenance(202, "Database upgrade", "2026-11-25T02:00:00Z", "2026-11-25T03:00:00Z")
                .status(IncidentStatus.SCHEDULED).autoStart(true).autoComplete(true)
                .createdAt(at("2026-11-18T10:00:00Z")).updatedAt(at("2026-11-18T10:00:00Z"))
                .startedAt(at("2026-11-25T02:00:00Z"))
                .components(List.of(new AffectedComponent("dynos", UNDER_MAINTENANCE))).updates(List.of(
                        update(2001, 202, IncidentStatus.SCHEDULED, "Planned: expect *brief* resets.", true, "2026-11-18T10:00:00Z")))
                .build();
    }

    private static Incident networkMaintenance() {
        return maintenance(201, "Network maintenance", "2026-11-20T13:00:00Z", "2026-11-20T15:00:00Z")
                .status(IncidentStatus.IN_PROGRESS).autoStart(true)
                .createdAt(at("2026-11-15T10:00:00Z")).updatedAt(at("2026-11-20T13:00:00Z"))
                .startedAt(at("2026-11-20T13:00:00Z"))
                .components(List.of(new AffectedComponent("postgres", UNDER_MAINTENANCE))).updates(List.of(
                        update(2010, 201, IncidentStatus.SCHEDULED, "Planned.", true, "2026-11-15T10:00:00Z"),
                        update(2011, 201, IncidentStatus.IN_PROGRESS, "Started.", true, "2026-11-20T13:00:00Z",
                                new ComponentChange("postgres", OPERATIONAL, UNDER_MAINTENANCE))))
                .build();
    }

    private static Incident oldPlan() {
        return maintenance(200, "Old plan", "2026-11-05T02:00:00Z", "2026-11-05T03:00:00Z")
                .status(IncidentStatus.CANCELLED)
                .createdAt(at("2026-11-01T10:00:00Z")).updatedAt(at("2026-11-03T10:00:00Z"))
                .startedAt(at("2026-11-05T02:00:00Z")).resolvedAt(at("2026-11-03T10:00:00Z"))
                .updates(List.of(
                        update(2000, 200, IncidentStatus.SCHEDULED, "Planned.", true, "2026-11-01T10:00:00Z"),
                        update(2003, 200, IncidentStatus.CANCELLED, "Called off.", true, "2026-11-03T10:00:00Z")))
                .build();
    }

    /** An incident to finish by name: impact, status, instants, components and updates. */
    static Incident.Builder incident(long id, String title) {
        return Incident.builder().id(id).kind(Kind.INCIDENT).title(title);
    }

    /** Maintenance in the page's zone, to finish by name: status, automation, instants, components and updates. */
    private static Incident.Builder maintenance(long id, String title, String from, String until) {
        return Incident.builder().id(id).kind(Kind.MAINTENANCE).title(title).impact(Impact.MAINTENANCE)
                .scheduledFor(at(from)).scheduledUntil(at(until)).timeZone(ZoneId.of("Europe/Paris"));
    }

    static IncidentUpdate update(long id, long incident, IncidentStatus status, String message, boolean notify, String at,
                                 ComponentChange... changes) {
        return IncidentUpdate.builder().id(id).incidentId(incident).status(status).message(message).notifySubscribers(notify)
                .createdAt(at(at)).displayAt(at(at)).changes(List.of(changes)).build();
    }
}
