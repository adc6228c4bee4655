package dev.upbeat.status;

import dev.upbeat.component.Component;
import dev.upbeat.component.ComponentStatus;
import dev.upbeat.incident.Incident;
import dev.upbeat.web.Caching;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The server-rendered public home page, made from the snapshot with a precompiled template. */
public final class HomePage {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm zzz");

    private final StatusSnapshots snapshots;
    private final Caching caching;
    private final ZoneId zone;
    private final Clock clock;
    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);

    public HomePage(StatusSnapshots snapshots, Caching caching, ZoneId zone, Clock clock) {
        this.snapshots = snapshots;
        this.caching = caching;
        this.zone = zone;
        this.clock = clock;
    }

    public void render(Context ctx) {
        PublicStatus s = snapshots.current();
        StringOutput out = new StringOutput();
        templates.render("home.jte", view(s, clock.instant()), out);
        caching.serve(ctx, s, "text/html; charset=utf-8", out.toString().getBytes(StandardCharsets.UTF_8));
    }

    HomeView view(PublicStatus s, Instant now) {
        List<HomeView.Group> groups = s.groups().stream()
                .map(g -> group(s, g.name(), s.componentsOf(g.id())))
                .filter(g -> !g.components().isEmpty())
                .toList();
        List<Component> ungrouped = s.components().stream().filter(c -> c.groupId() == null).toList();
        if (!ungrouped.isEmpty()) {
            groups = new java.util.ArrayList<>(groups);
            groups.add(group(s, PublicStatus.UNGROUPED, ungrouped));
        }
        List<HomeView.OpenIncident> open = s.incidents().stream().filter(i -> i.status().isOpen())
                .map(i -> incident(s, i, now)).toList();
        List<HomeView.Window> windows = s.maintenances().stream().filter(m -> m.status().isOpen())
                .map(m -> new HomeView.Window(m.id(), m.title(), m.status().wire().replace('_', ' '),
                        time(m.scheduledFor()), time(m.scheduledUntil())))
                .toList();
        return new HomeView(s.page().name(), s.overall().wire(), StatusRollup.describe(s.overall()), groups, open, windows,
                zone.getId(), time(s.generatedAt()));
    }

    private HomeView.Group group(PublicStatus s, String name, List<Component> members) {
        List<HomeView.Row> rows = members.stream()
                .filter(c -> !c.onlyShowIfDegraded() || c.status() != ComponentStatus.OPERATIONAL)
                .map(c -> new HomeView.Row(c.id(), c.name(), c.status().wire(), StatusRollup.words(c.status()),
                        c.description(), uptime(s, c)))
                .toList();
        ComponentStatus worst = StatusRollup.overall(members.stream().map(Component::status).toList());
        return new HomeView.Group(name, worst.wire(), StatusRollup.words(worst), rows);
    }

    private static String uptime(PublicStatus s, Component c) {
        Double percent = NativeViews.percent(s.uptime().get(c.id()).last90Days());
        return percent == null ? "no data yet" : String.format("%.2f%% uptime, last 90 days", percent);
    }

    private HomeView.OpenIncident incident(PublicStatus s, Incident i, Instant now) {
        var latest = i.latestUpdate();
        return new HomeView.OpenIncident(i.id(), i.title(), i.impact().wire(), i.status().wire(),
                "ongoing for " + duration(Duration.between(i.startedAt(), now)),
                latest == null ? "" : Markdown.toSafeHtml(latest.message()), latest == null ? "" : time(latest.displayAt()),
                i.components().stream().map(a -> s.component(a.componentId()).map(Component::name).orElse(a.componentId())).toList());
    }

    /** "1 h 12 min", "3 d 4 h", "45 s": the two largest units are enough to read at a glance. */
    static String duration(Duration d) {
        long seconds = Math.max(0, d.toSeconds());
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3_600;
        long minutes = seconds % 3_600 / 60;
        if (days > 0) {
            return days + " d " + hours + " h";
        }
        if (hours > 0) {
            return hours + " h " + minutes + " min";
        }
        return minutes > 0 ? minutes + " min" : seconds + " s";
    }

    private String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(zone));
    }
}
