package dev.upbeat.site;

import dev.upbeat.component.Component;
import dev.upbeat.config.UptimeSource;
import dev.upbeat.config.UptimeWeights;
import dev.upbeat.incident.Incident;
import dev.upbeat.status.PublicStatus;
import dev.upbeat.uptime.DayTotals;
import dev.upbeat.uptime.DayUptime;
import dev.upbeat.uptime.Period;
import dev.upbeat.uptime.UptimeCalculator;
import dev.upbeat.uptime.UptimeSummary;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** The uptime page (previous month, 90-day bars, proportional timeline) and monthly pages per component. */
final class UptimeModels {
    static final int BAR_WIDTH = 4;
    static final int BAR_GAP = 1;
    static final int TIMELINE_DAYS = 30;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    private final PageModels pages;
    private final ZoneId zone;
    private final UptimeWeights weights;

    UptimeModels(PageModels pages, ZoneId zone, UptimeWeights weights) {
        this.pages = pages;
        this.zone = zone;
        this.weights = weights;
    }

    Views.Uptime uptime(PublicStatus s, Instant now) {
        List<Views.GroupUptime> groups = new ArrayList<>();
        s.groups().forEach(g -> groups.add(group(s, g.name(), s.componentsOf(g.id()))));
        List<Component> ungrouped = s.components().stream().filter(c -> c.groupId() == null).toList();
        if (!ungrouped.isEmpty()) {
            groups.add(group(s, PublicStatus.UNGROUPED, ungrouped));
        }
        Period previous = Period.previousMonth(LocalDate.ofInstant(now, zone));
        return new Views.Uptime(pages.chrome(s, "Uptime", "uptime", now), MONTH.format(previous.from()),
                groups.stream().filter(g -> !g.components().isEmpty()).toList(), timeline(s, now));
    }

    private Views.GroupUptime group(PublicStatus s, String name, List<Component> members) {
        SortedMap<LocalDate, DayTotals> combined = new TreeMap<>();
        members.forEach(c -> s.uptime().get(c.id()).daily().forEach((d, t) -> combined.merge(d, t, DayTotals::plus)));
        Period previous = members.isEmpty() ? null : s.uptime().get(members.get(0).id()).previousMonthPeriod();
        String groupPercent = previous == null ? "no data" : Percent.words(UptimeCalculator.uptime(combined, previous, weights));
        return new Views.GroupUptime(name, groupPercent, members.stream().map(c -> component(s, c)).toList());
    }

    private Views.ComponentUptime component(PublicStatus s, Component c) {
        UptimeSummary u = s.uptime().get(c.id());
        Optional<UptimeSummary> measured = s.measured().uptimeOf(c.id());
        String basis = measured.isPresent() && s.measured().source() == UptimeSource.PROBES ? "measured by probes" : null;
        Views.MeasuredBars beside = measured.filter(m -> s.measured().source() == UptimeSource.BOTH)
                .map(m -> new Views.MeasuredBars(Percent.words(m.last90Days()), bars(s, c, m))).orElse(null);
        return new Views.ComponentUptime(c.id(), c.name(), Percent.words(u.previousMonth()), Percent.words(u.last90Days()),
                bars(s, c, u), basis, beside);
    }

    private List<Views.BarDay> bars(PublicStatus s, Component c, UptimeSummary u) {
        List<Views.BarDay> bars = new ArrayList<>();
        for (int i = 0; i < u.days().size(); i++) {
            bars.add(bar(s, c, u.days().get(i), i * (BAR_WIDTH + BAR_GAP)));
        }
        return bars;
    }

    private Views.BarDay bar(PublicStatus s, Component c, DayUptime d, int x) {
        Double minutes = downtimeMinutes(d.totals(), d.uptime());
        List<String> incidents = incidentsOn(s, c.id(), d.day());
        String label = DAY.format(d.day()) + ": " + (minutes == null ? "no data"
                : Math.round(minutes) + " min downtime, " + Percent.words(d.uptime()) + " uptime")
                + (incidents.isEmpty() ? "" : "; " + String.join("; ", incidents));
        return new Views.BarDay(x, Colors.day(minutes), label);
    }

    /** Weighted downtime in minutes (null when the day is unknown). */
    private Double downtimeMinutes(DayTotals t, Optional<Double> uptime) {
        return uptime.map(u -> (1 - u) * t.observedSeconds() / 60d).orElse(null);
    }

    private List<String> incidentsOn(PublicStatus s, String componentId, LocalDate day) {
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        return s.incidents().stream()
                .filter(i -> i.components().stream().anyMatch(a -> a.componentId().equals(componentId)))
                .filter(i -> i.startedAt().isBefore(to) && (i.resolvedAt() == null || i.resolvedAt().isAfter(from)))
                .map(Incident::title).toList();
    }

    /** The last 30 days, each incident as wide as it lasted, labelled with its time to resolution. */
    private Views.Timeline timeline(PublicStatus s, Instant now) {
        Instant start = now.minus(Duration.ofDays(TIMELINE_DAYS));
        double span = Duration.between(start, now).toMillis();
        List<Views.Segment> segments = s.incidents().stream()
                .filter(i -> i.resolvedAt() == null || i.resolvedAt().isAfter(start))
                .sorted((a, b) -> a.startedAt().compareTo(b.startedAt()))
                .map(i -> {
                    Instant from = i.startedAt().isBefore(start) ? start : i.startedAt();
                    Instant to = i.resolvedAt() == null ? now : i.resolvedAt();
                    double left = Duration.between(start, from).toMillis() / span * 100;
                    double width = Math.max(0.15, Duration.between(from, to).toMillis() / span * 100);
                    String took = i.resolvedAt() == null ? "ongoing for " + Durations.words(Duration.between(i.startedAt(), now))
                            : "resolved in " + Durations.words(Duration.between(i.startedAt(), i.resolvedAt()));
                    return new Views.Segment(i.id(), i.title(), round(left), round(Math.min(width, 100 - left)),
                            Colors.impact(i.impact()), i.title() + ": " + i.impact().wire() + " impact, " + took);
                }).toList();
        List<Views.Tick> ticks = new ArrayList<>();
        for (int week = 0; week <= TIMELINE_DAYS; week += 7) {
            Instant at = start.plus(Duration.ofDays(week));
            ticks.add(new Views.Tick(round(week * 100d / TIMELINE_DAYS), DAY.format(at.atZone(zone))));
        }
        return new Views.Timeline(DAY.format(start.atZone(zone)), DAY.format(now.atZone(zone)), segments, ticks);
    }

    Views.ComponentMonth month(PublicStatus s, Component c, YearMonth month, Instant now) {
        UptimeSummary u = s.uptime().get(c.id());
        Period period = new Period(month.atDay(1), month.plusMonths(1).atDay(1));
        List<Views.DayRow> days = UptimeCalculator.series(u.daily(), period, weights).stream()
                .filter(d -> !d.day().isAfter(LocalDate.ofInstant(now, zone)))
                .map(d -> {
                    Double minutes = downtimeMinutes(d.totals(), d.uptime());
                    return new Views.DayRow(DAY.format(d.day()), Percent.words(d.uptime()),
                            minutes == null ? "no data" : Math.round(minutes) + " min", Colors.day(minutes));
                }).toList();
        YearMonth current = YearMonth.from(now.atZone(zone));
        YearMonth earliest = current.minusMonths(dev.upbeat.uptime.UptimeReader.HISTORY_MONTHS);
        String base = "/components/" + c.id() + "/uptime?month=";
        return new Views.ComponentMonth(pages.chrome(s, c.name() + " uptime, " + MONTH.format(month), "uptime", now), c.id(), c.name(),
                MONTH.format(month), Percent.words(UptimeCalculator.uptime(u.daily(), period, weights)), days,
                month.isAfter(earliest) ? base + month.minusMonths(1) : null,
                month.isBefore(current) ? base + month.plusMonths(1) : null,
                s.measured().uptimeOf(c.id()).map(m -> Percent.words(UptimeCalculator.uptime(m.daily(), period, weights))).orElse(null),
                LatencyCharts.of(s.measured().latencyOf(c.id()), now, zone));
    }

    private static double round(double percent) {
        return Math.round(percent * 100) / 100d;
    }
}
