package dev.upbeat.status;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.upbeat.component.Component;
import dev.upbeat.component.ComponentGroup;
import dev.upbeat.component.Ownership;
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

    /** A component as its writers see it: the public view and its ownership, which only they see. */
    public record ManagedComponentView(@JsonUnwrapped ComponentView component, OwnerView owner, Integer tier,
                                       String exposure) {
    }

    public record OwnerView(String team, String channel, String address) {
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

    /** A maintenance window; built by name with {@link #builder()}, as six of its fields are instants. */
    public record MaintenanceView(long id, String title, String status, String impact, Instant scheduledFor,
                                  Instant scheduledUntil, String timeZone, boolean autoStart, boolean autoComplete,
                                  Instant startedAt, Instant createdAt, Instant updatedAt, Instant completedAt, String url,
                                  List<AffectedView> components, List<UpdateView> updates) {

        /** A builder with no components, no updates and automation off; everything else is null or zero until set. */
        public static Builder builder() {
            return new Builder();
        }

        public static final class Builder {
            private long id;
            private String title;
            private String status;
            private String impact;
            private Instant scheduledFor;
            private Instant scheduledUntil;
            private String timeZone;
            private boolean autoStart;
            private boolean autoComplete;
            private Instant startedAt;
            private Instant createdAt;
            private Instant updatedAt;
            private Instant completedAt;
            private String url;
            private List<AffectedView> components = List.of();
            private List<UpdateView> updates = List.of();

            private Builder() {
            }

            public Builder id(long id) { this.id = id; return this; }
            public Builder title(String title) { this.title = title; return this; }
            public Builder status(String status) { this.status = status; return this; }
            public Builder impact(String impact) { this.impact = impact; return this; }
            public Builder scheduledFor(Instant scheduledFor) { this.scheduledFor = scheduledFor; return this; }
            public Builder scheduledUntil(Instant scheduledUntil) { this.scheduledUntil = scheduledUntil; return this; }
            public Builder timeZone(String timeZone) { this.timeZone = timeZone; return this; }
            public Builder autoStart(boolean autoStart) { this.autoStart = autoStart; return this; }
            public Builder autoComplete(boolean autoComplete) { this.autoComplete = autoComplete; return this; }
            public Builder startedAt(Instant startedAt) { this.startedAt = startedAt; return this; }
            public Builder createdAt(Instant createdAt) { this.createdAt = createdAt; return this; }
            public Builder updatedAt(Instant updatedAt) { this.updatedAt = updatedAt; return this; }
            public Builder completedAt(Instant completedAt) { this.completedAt = completedAt; return this; }
            public Builder url(String url) { this.url = url; return this; }
            public Builder components(List<AffectedView> components) { this.components = components; return this; }
            public Builder updates(List<UpdateView> updates) { this.updates = updates; return this; }

            public MaintenanceView build() {
                return new MaintenanceView(id, title, status, impact, scheduledFor, scheduledUntil, timeZone, autoStart,
                        autoComplete, startedAt, createdAt, updatedAt, completedAt, url, components, updates);
            }
        }
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

    public static ManagedComponentView managed(PublicStatus s, Component c) {
        Ownership o = c.ownership();
        OwnerView owner = o.hasOwner() ? new OwnerView(o.team(), o.channel().wire(), o.address()) : null;
        return new ManagedComponentView(component(s, c), owner, o.tier(), o.exposure() == null ? null : o.exposure().wire());
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
        return MaintenanceView.builder().id(m.id()).title(m.title()).status(m.status().wire()).impact(m.impact().wire())
                .scheduledFor(m.scheduledFor()).scheduledUntil(m.scheduledUntil())
                .timeZone(m.timeZone() == null ? null : m.timeZone().getId()).autoStart(m.autoStart())
                .autoComplete(m.autoComplete()).startedAt(m.hasStarted() ? m.startedAt() : null).createdAt(m.createdAt()).updatedAt(m.updatedAt())
                .completedAt(m.resolvedAt()).url(s.url(m)).components(affected(s, m)).updates(updates(s, m)).build();
    }

    public static StatusView status(PublicStatus s) {
        int open = s.openIncidents().size();
        int active = (int) s.openMaintenances().stream().filter(m -> m.status().holdsComponents()).count();
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
