package dev.upbeat.site;

import dev.upbeat.component.Component;
import dev.upbeat.incident.AffectedComponent;
import dev.upbeat.incident.Incident;
import dev.upbeat.status.PublicStatus;
import dev.upbeat.uptime.DayTotals;
import dev.upbeat.uptime.DayUptime;
import dev.upbeat.uptime.UptimeSummary;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;

/**
 * The one rendering of a component's daily bars, for the home and the uptime pages alike: each
 * day's colour, its words (date, uptime, downtime) and the incidents that touched it. Days before
 * the component existed say "no data yet", never 0% or 100%.
 */
final class DayBars {
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final ZoneId zone;
    /** The last snapshot's incidents by component, for the bars of the next component of the same page. */
    private volatile Touching touching;

    DayBars(ZoneId zone) {
        this.zone = zone;
    }

    Views.Bars of(PublicStatus s, Component c, UptimeSummary u, String label) {
        LocalDate created = c.createdAt() == null ? null : LocalDate.ofInstant(c.createdAt(), zone);
        List<Incident> touching = touching(s, c.id(), u.days());
        return new Views.Bars(label, u.days().stream().map(d -> day(touching, d, created)).toList());
    }

    /**
     * The component's incidents that overlap the bars' days, in the snapshot's order: found once,
     * not once a day. The incidents of every component are sorted out in one pass over the history
     * per snapshot and period ({@link Touching}), not in one pass per component, so a page of a
     * hundred components walks years of incidents once.
     */
    private List<Incident> touching(PublicStatus s, String componentId, List<DayUptime> days) {
        if (days.isEmpty()) {
            return List.of();
        }
        LocalDate first = days.stream().map(DayUptime::day).min(LocalDate::compareTo).orElseThrow();
        LocalDate last = days.stream().map(DayUptime::day).max(LocalDate::compareTo).orElseThrow();
        Touching t = touching;
        if (t == null || t.snapshot() != s || !t.first().equals(first) || !t.last().equals(last)) {
            t = Touching.of(s, first, last, this);
            touching = t;
        }
        return t.byComponent().getOrDefault(componentId, List.of());
    }

    /**
     * The incidents overlapping a period, by component, in the snapshot's order, for one snapshot
     * (by identity): a page's bars all share one period. Pages are rendered on many threads; two
     * that miss at once each make their own, which are equal.
     */
    private record Touching(PublicStatus snapshot, LocalDate first, LocalDate last, Map<String, List<Incident>> byComponent) {
        static Touching of(PublicStatus s, LocalDate first, LocalDate last, DayBars bars) {
            Map<String, List<Incident>> byComponent = new HashMap<>();
            for (Incident i : s.incidents()) {
                if (bars.overlaps(i, first, last)) {
                    i.components().stream().map(AffectedComponent::componentId).distinct()
                            .forEach(id -> byComponent.computeIfAbsent(id, k -> new ArrayList<>()).add(i));
                }
            }
            return new Touching(s, first, last, byComponent);
        }
    }

    private boolean overlaps(Incident i, LocalDate first, LocalDate last) {
        Instant from = first.atStartOfDay(zone).toInstant();
        Instant to = last.plusDays(1).atStartOfDay(zone).toInstant();
        return i.startedAt().isBefore(to) && (i.resolvedAt() == null || i.resolvedAt().isAfter(from));
    }

    private Views.BarDay day(List<Incident> touching, DayUptime d, LocalDate created) {
        Double minutes = downtimeMinutes(d.totals(), d.uptime());
        String words;
        if (minutes == null) {
            words = created != null && d.day().isBefore(created) ? "no data yet" : "no data";
        } else {
            words = Percent.words(d.uptime()) + " uptime" + (Math.round(minutes) == 0 ? "" : ", " + Math.round(minutes) + " min downtime");
        }
        return new Views.BarDay(DAY.format(d.day()), Colors.day(minutes), words, incidentsOn(touching, d.day()));
    }

    /** Weighted downtime in minutes (null when the day is unknown). */
    static Double downtimeMinutes(DayTotals t, Optional<Double> uptime) {
        return uptime.map(u -> (1 - u) * t.observedSeconds() / 60d).orElse(null);
    }

    private List<Views.Link> incidentsOn(List<Incident> touching, LocalDate day) {
        return touching.stream().filter(i -> overlaps(i, day, day))
                .map(i -> new Views.Link("/incidents/" + i.id(), i.title())).toList();
    }
}
