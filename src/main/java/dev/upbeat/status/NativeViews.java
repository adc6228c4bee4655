package dev.upbeat.status;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.upbeat.component.Component;
import dev.upbeat.component.ComponentGroup;
import dev.upbeat.incident.AffectedComponent;
import dev.upbeat.incident.ComponentChange;
import dev.upbeat.incident.Incident;
import dev.upbeat.uptime.DayUptime;
import dev.upbeat.uptime.UptimeSummary;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The shapes of Upbeat's own API (/api/v1): pure functions from the snapshot to records that
 * Jackson writes with snake_case names. Lists are never null.
 */
public final class NativeViews {
    private NativeViews() {
    }

    public record ComponentView(String id, String name, String group, String groupId, String description, int position,
                                boolean onlyShowIfDegraded, String status, Instant createdAt, Instant updatedAt) {
    }

    public record GroupView(String id, String name, String description, int position, String status, List<String> components) {
    }

    public record AffectedView(String id, String name, String status) {
    }

    public record ChangeView(String id, String name, String oldStatus, String newStatus) {
    }

    public record UpdateView(long id, String status, String message, boolean notifySubscribers, Instant createdAt, Instant displayAt,
                             List<ChangeView> affectedComponents) {
    }

    public record IncidentView(long id, String title, String status, String impact, Instant startedAt, Instant createdAt,
                               Instant updatedAt, Instant monitoringAt, Instant resolvedAt, Long durationSeconds,
                               String postmortem, String url, List<AffectedView> components, List<UpdateView> updates) {
    }

    public record MaintenanceView(long id, String title, String status, String impact, Instant scheduledFor,
                                  Instant scheduledUntil, String timeZone, boolean autoStart, boolean autoComplete,
                                  Instant startedAt, Instant createdAt, Instant updatedAt, Instant completedAt, String url,
                                  List<AffectedView> components, List<UpdateView> updates) {
    }

    public record StatusView(PublicStatus.PageInfo page, String status, String description, int openIncidents,
                             int activeMaintenances, Instant updatedAt) {
    }

    public record PeriodUptime(LocalDate from, LocalDate to, Double uptimePercent) {
    }

    public record DayView(LocalDate date, Double uptimePercent, long observedSeconds, long majorOutageSeconds,
                          long partialOutageSeconds, long degradedPerformanceSeconds, long underMaintenanceSeconds) {
    }

    public record UptimeView(String componentId, String name, PeriodUptime previousMonth,
                             @JsonProperty("last_30_days") PeriodUptime last30Days,
                             @JsonProperty("last_90_days") PeriodUptime last90Days, List<DayView> days) {
    }

    public static ComponentView component(PublicStatus s, Component c) {
        String group = c.groupId() == null ? null : s.group(c.groupId()).map(ComponentGroup::name).orElse(null);
        return new ComponentView(c.id(), c.name(), group, c.groupId(), c.description(), c.position(),
                c.onlyShowIfDegraded(), c.status().wire(), c.createdAt(), c.updatedAt());
    }

    public static GroupView group(PublicStatus s, ComponentGroup g) {
        return new GroupView(g.id(), g.name(), g.description(), g.position(), s.groupStatus(g.id()).wire(),
                s.componentsOf(g.id()).stream().map(Component::id).toList());
    }

    public static IncidentView incident(PublicStatus s, Incident i, Instant now) {
        Instant end = i.resolvedAt() == null ? now : i.resolvedAt();
        return new IncidentView(i.id(), i.title(), i.status().wire(), i.impact().wire(), i.startedAt(), i.createdAt(),
                i.updatedAt(), i.monitoringAt(), i.resolvedAt(), Math.max(0, end.getEpochSecond() - i.startedAt().getEpochSecond()),
                i.postmortem(), s.url(i), affected(s, i), updates(s, i));
    }

    public static MaintenanceView maintenance(PublicStatus s, Incident m) {
        return new MaintenanceView(m.id(), m.title(), m.status().wire(), m.impact().wire(), m.scheduledFor(),
                m.scheduledUntil(), m.timeZone() == null ? null : m.timeZone().getId(), m.autoStart(), m.autoComplete(),
                m.startedAt(), m.createdAt(), m.updatedAt(), m.resolvedAt(), s.url(m),
                affected(s, m), updates(s, m));
    }

    public static StatusView status(PublicStatus s) {
        int open = (int) s.incidents().stream().filter(i -> i.status().isOpen()).count();
        int active = (int) s.maintenances().stream().filter(m -> m.status().holdsComponents()).count();
        return new StatusView(s.page(), s.overall().wire(), StatusRollup.describe(s.overall()), open, active, s.generatedAt());
    }

    public static UptimeView uptime(Component c, UptimeSummary u) {
        List<DayView> days = u.days().stream().map(NativeViews::day).toList();
        LocalDate today = u.days().isEmpty() ? LocalDate.now() : u.days().get(u.days().size() - 1).day();
        return new UptimeView(c.id(), c.name(),
                new PeriodUptime(u.previousMonthPeriod().from(), u.previousMonthPeriod().toExclusive().minusDays(1), percent(u.previousMonth())),
                new PeriodUptime(today.minusDays(29), today, percent(u.last30Days())),
                new PeriodUptime(today.minusDays(89), today, percent(u.last90Days())), days);
    }

    private static DayView day(DayUptime d) {
        var t = d.totals();
        return new DayView(d.day(), percent(d.uptime()), t.observedSeconds(), t.majorSeconds(), t.partialSeconds(),
                t.degradedSeconds(), t.maintenanceSeconds());
    }

    /** A fraction as a percentage with four decimals; null (unknown) stays null. */
    static Double percent(Optional<Double> fraction) {
        return fraction.map(f -> Math.round(f * 1_000_000d) / 10_000d).orElse(null);
    }

    private static List<AffectedView> affected(PublicStatus s, Incident i) {
        return i.components().stream().map((AffectedComponent a) -> new AffectedView(a.componentId(),
                name(s, a.componentId()), a.status().wire())).toList();
    }

    private static List<UpdateView> updates(PublicStatus s, Incident i) {
        return i.updatesNewestFirst().stream()
                .map(u -> new UpdateView(u.id(), u.status().wire(), u.message(), u.notifySubscribers(), u.createdAt(), u.displayAt(),
                        u.changes().stream().map((ComponentChange c) -> new ChangeView(c.componentId(), name(s, c.componentId()),
                                c.oldStatus().wire(), c.newStatus().wire())).toList()))
                .toList();
    }

    /** The component's name, or its id when it has since been deleted. */
    private static String name(PublicStatus s, String componentId) {
        return s.component(componentId).map(Component::name).orElse(componentId);
    }
}
