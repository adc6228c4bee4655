package dev.upbeat.site;

import dev.upbeat.component.Component;
import dev.upbeat.component.ComponentStatus;
import dev.upbeat.config.Branding;
import dev.upbeat.incident.Incident;
import dev.upbeat.incident.IncidentStatus;
import dev.upbeat.incident.IncidentUpdate;
import dev.upbeat.incident.Kind;
import dev.upbeat.status.DisplayTime;
import dev.upbeat.status.Markdown;
import dev.upbeat.status.PublicStatus;
import dev.upbeat.status.StatusRollup;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Turns a snapshot into the home, incident and history page models, in the page's time zone. */
final class PageModels {
    static final int MONTHS_PER_HISTORY_PAGE = 3;
    static final Duration STALE_AFTER = Duration.ofMinutes(2);
    /** A group with more components than this folds into its heading on the home page. */
    static final int LONG_GROUP = 4;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    private final ZoneId zone;
    private final java.util.function.Supplier<Branding> branding;
    private final boolean hasLogo;
    private final SubscribeForm form;
    private final DayBars bars;

    PageModels(ZoneId zone, java.util.function.Supplier<Branding> branding, SubscribeForm form, DayBars bars) {
        this.zone = zone;
        this.bars = bars;
        this.branding = branding;
        this.hasLogo = branding.get().logoFile() != null;
        this.form = form;
    }

    Views.Chrome chrome(PublicStatus s, String title, String current, Instant now) {
        String full = title == null ? s.page().name() : title + " · " + s.page().name();
        return new Views.Chrome(full, s.page().name(), hasLogo, branding.get().footerLinks(), zone.getId(),
                time(s.generatedAt()), s.version(), current, staleness(s, now));
    }

    /**
     * "Last updated 5 min ago" once the snapshot is older than {@link #STALE_AFTER}, else null. A
     * snapshot is rebuilt every UPBEAT_SNAPSHOT_REFRESH (30 s by default), so one that old means the
     * database has been out of reach: the page says how old the status it shows is.
     */
    static String staleness(PublicStatus s, Instant now) {
        Duration age = Duration.between(s.generatedAt(), now);
        return age.compareTo(STALE_AFTER) > 0 ? "Last updated " + Durations.words(age) + " ago" : null;
    }

    Views.Home home(PublicStatus s, Instant now) {
        List<Views.Group> groups = new ArrayList<>();
        s.groups().forEach(g -> groups.add(group(s, g.id(), g.name(), s.componentsOf(g.id()))));
        List<Component> ungrouped = s.components().stream().filter(c -> c.groupId() == null).toList();
        if (!ungrouped.isEmpty()) {
            groups.add(group(s, "other", PublicStatus.UNGROUPED, ungrouped));
        }
        List<Views.IncidentBox> open = s.openIncidents().stream().map(i -> box(s, i, now)).toList();
        List<Views.WindowBox> windows = s.openMaintenances().stream()
                .sorted(Comparator.comparing(Incident::scheduledFor))
                .map(m -> new Views.WindowBox(m.id(), m.title(), words(m.status().wire()), time(m.scheduledFor()),
                        time(m.scheduledUntil()), names(s, m)))
                .toList();
        return new Views.Home(chrome(s, null, "home", now), s.overall().wire(), StatusRollup.describe(s.overall()),
                Colors.circle(s.overall()), groups.stream().filter(g -> !g.components().isEmpty()).toList(), open, windows,
                form == null ? null : new Views.Subscribe(form.token().apply(now),
                        form.channels().stream().map(c -> new Views.Option(c.wire(), c.name())).toList(), form.addressLabel(), form.emailOnly(),
                        s.components().stream().map(c -> new Views.Option(c.id(), c.name())).toList()),
                s.notices().stream().map(n -> new Views.NoticeBox(n.id(), Markdown.toSafeHtml(n.text()), time(n.publishedAt())))
                        .toList());
    }

    private Views.Group group(PublicStatus s, String id, String name, List<Component> members) {
        ComponentStatus worst = StatusRollup.overall(members.stream().map(Component::status).toList());
        List<Views.ComponentRow> rows = members.stream()
                .filter(c -> !c.onlyShowIfDegraded() || c.status() != ComponentStatus.OPERATIONAL)
                .map(c -> new Views.ComponentRow(c.id(), c.name(), c.status().wire(), StatusRollup.words(c.status()),
                        Colors.circle(c.status()), c.description(),
                        s.uptime().get(c.id()).last90Days().map(f -> Percent.words(Optional.of(f)) + " uptime")
                                .orElse("No uptime data yet"),
                        bars.of(s, c, s.uptime().get(c.id()), c.name() + ": daily uptime, last 90 days")))
                .toList();
        return new Views.Group(id, name, Colors.circle(worst), StatusRollup.words(worst), rows, rows.size() > LONG_GROUP,
                worst != ComponentStatus.OPERATIONAL);
    }

    private Views.IncidentBox box(PublicStatus s, Incident i, Instant now) {
        IncidentUpdate latest = i.latestUpdate();
        return new Views.IncidentBox(i.id(), i.title(), i.impact().wire(), Colors.impact(i.impact()), words(i.status().wire()),
                "ongoing for " + Durations.words(Duration.between(i.startedAt(), now)),
                latest == null ? "" : Markdown.toSafeHtml(latest.message()), latest == null ? "" : time(latest.displayAt()),
                names(s, i));
    }

    Views.IncidentPage incident(PublicStatus s, Incident i, Instant now) {
        boolean maintenance = i.kind() == Kind.MAINTENANCE;
        Instant end = i.resolvedAt() == null ? now : i.resolvedAt();
        String duration = !i.hasStarted() ? "not started"
                : (i.resolvedAt() == null ? "ongoing for " : "lasted ") + Durations.words(Duration.between(i.startedAt(), end));
        List<Views.UpdateRow> updates = i.updates().stream()
                .sorted(Comparator.comparing(IncidentUpdate::displayAt).thenComparing(IncidentUpdate::id).reversed())
                .map(u -> new Views.UpdateRow(time(u.displayAt()), words(u.status().wire()), Markdown.toSafeHtml(u.message()),
                        u.changes().stream().map(c -> name(s, c.componentId()) + ": " + StatusRollup.words(c.oldStatus())
                                + " → " + StatusRollup.words(c.newStatus())).toList()))
                .toList();
        String window = maintenance ? time(i.scheduledFor()) + " – " + time(i.scheduledUntil()) : null;
        return new Views.IncidentPage(chrome(s, i.title(), maintenance ? "maintenance" : "incident", now), i.id(),
                maintenance ? "Scheduled maintenance" : "Incident", i.title(), i.impact().wire(), Colors.impact(i.impact()),
                words(i.status().wire()), duration, i.hasStarted() ? time(i.startedAt()) : null, i.resolvedAt() == null ? null : time(i.resolvedAt()),
                window, names(s, i), updates, i.postmortem() == null ? null : Markdown.toSafeHtml(i.postmortem()));
    }

    /** Page 1 holds this month and the two before it; each further page the three before those. */
    Views.History history(PublicStatus s, int page, Instant now) {
        YearMonth newest = YearMonth.from(now.atZone(zone)).minusMonths((long) (page - 1) * MONTHS_PER_HISTORY_PAGE);
        Map<YearMonth, List<Views.HistoryRow>> byMonth = new TreeMap<>(Comparator.reverseOrder());
        for (int k = 0; k < MONTHS_PER_HISTORY_PAGE; k++) {
            byMonth.put(newest.minusMonths(k), new ArrayList<>());
        }
        List<Incident> all = new ArrayList<>(s.incidents());
        all.addAll(s.maintenances());
        all.sort(Comparator.comparing(Incident::startedAt).reversed());
        YearMonth oldest = all.isEmpty() ? newest : YearMonth.from(all.get(all.size() - 1).startedAt().atZone(zone));
        for (Incident i : all) {
            List<Views.HistoryRow> rows = byMonth.get(YearMonth.from(i.startedAt().atZone(zone)));
            if (rows != null) {
                rows.add(row(i, now));
            }
        }
        List<Views.MonthGroup> months = byMonth.entrySet().stream()
                .map(e -> new Views.MonthGroup(MONTH.format(e.getKey()), e.getValue())).toList();
        boolean hasOlder = newest.minusMonths(MONTHS_PER_HISTORY_PAGE).compareTo(oldest) >= 0;
        return new Views.History(chrome(s, "History", "history", now), months, page > 1 ? "/history?page=" + (page - 1) : null,
                hasOlder ? "/history?page=" + (page + 1) : null);
    }

    private Views.HistoryRow row(Incident i, Instant now) {
        boolean maintenance = i.kind() == Kind.MAINTENANCE;
        Instant end = i.resolvedAt() == null ? now : i.resolvedAt();
        String duration = !i.hasStarted() ? "not started"
                : i.resolvedAt() == null ? "ongoing" : Durations.words(Duration.between(i.startedAt(), end));
        return new Views.HistoryRow((maintenance ? "/maintenance/" : "/incidents/") + i.id(), i.title(), i.impact().wire(),
                Colors.impact(i.impact()), words(i.status().wire()), time(i.startedAt()), duration);
    }

    private static List<String> names(PublicStatus s, Incident i) {
        return i.components().stream().map(a -> name(s, a.componentId())).toList();
    }

    private static String name(PublicStatus s, String componentId) {
        return s.component(componentId).map(Component::name).orElse(componentId);
    }

    /** "in_progress" -> "In progress". */
    static String words(String wire) {
        String spaced = wire.replace('_', ' ');
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    String time(Instant instant) {
        return DisplayTime.format(instant, zone);
    }
}
