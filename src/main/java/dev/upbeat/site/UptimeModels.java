package dev.upbeat.site;

import dev.upbeat.component.Component;
import dev.upbeat.config.UptimeSource;
import dev.upbeat.config.UptimeWeights;
import dev.upbeat.status.PublicStatus;
import dev.upbeat.uptime.DayTotals;
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
    static final int TIMELINE_DAYS = 30;
    /** Intervals between dated ticks under the timeline: one every six days. */
    static final int TICKS = 5;
    /** The narrowest an incident is drawn, in percent of the timeline: about 7 hours, a few pixels even on a phone. */
    static final double MIN_SEGMENT = 1.0;
    private static final DateTimeFormatter TICK = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DayBars.DAY;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    private final PageModels pages;
    private final DayBars bars;
    private final ZoneId zone;
    private final UptimeWeights weights;

    UptimeModels(PageModels pages, DayBars bars, ZoneId zone, UptimeWeights weights) {
        this.pages = pages;
        this.bars = bars;
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
                .map(m -> new Views.MeasuredBars(Percent.words(m.last90Days()),
                        bars.of(s, c, m, c.name() + ": daily uptime measured by probes, last 90 days"))).orElse(null);
        return new Views.ComponentUptime(c.id(), c.name(), Percent.words(u.previousMonth()), Percent.words(u.last90Days()),
                bars.of(s, c, u, c.name() + ": daily uptime, last 90 days"), basis, beside);
    }

    /**
     * The last 30 days, each incident as wide as it lasted, labelled with its time to resolution.
     * A short incident still gets a visible width, kept inside the track, so one that began minutes
     * ago shows at the right edge rather than as a sliver past it.
     */
    private Views.Timeline timeline(PublicStatus s, Instant now) {
        Instant start = now.minus(Duration.ofDays(TIMELINE_DAYS));
        double span = Duration.between(start, now).toMillis();
        List<Views.Segment> segments = s.incidents().stream()
                .filter(i -> i.resolvedAt() == null || i.resolvedAt().isAfter(start))
                .sorted((a, b) -> a.startedAt().compareTo(b.startedAt()))
                .map(i -> {
                    Instant from = i.startedAt().isBefore(start) ? start : i.startedAt();
                    Instant to = i.resolvedAt() == null ? now : i.resolvedAt();
                    double width = Math.min(100, Math.max(MIN_SEGMENT, Duration.between(from, to).toMillis() / span * 100));
                    double left = Math.min(Duration.between(start, from).toMillis() / span * 100, 100 - width);
                    String took = i.resolvedAt() == null ? "ongoing for " + Durations.words(Duration.between(i.startedAt(), now))
                            : "resolved in " + Durations.words(Duration.between(i.startedAt(), i.resolvedAt()));
                    return new Views.Segment(i.id(), i.title(), round(left), round(width), Colors.impact(i.impact()),
                            i.title() + ": " + i.impact().wire() + " impact, " + took, i.resolvedAt() == null);
                }).toList();
        List<String> ticks = new ArrayList<>();
        for (int day = 0; day <= TIMELINE_DAYS; day += TIMELINE_DAYS / TICKS) {
            ticks.add(TICK.format(start.plus(Duration.ofDays(day)).atZone(zone)));
        }
        return new Views.Timeline(DAY.format(start.atZone(zone)), DAY.format(now.atZone(zone)), segments, ticks);
    }

    Views.ComponentMonth month(PublicStatus s, Component c, YearMonth month, Instant now) {
        UptimeSummary u = s.uptime().get(c.id());
        Period period = new Period(month.atDay(1), month.plusMonths(1).atDay(1));
        List<Views.DayRow> days = UptimeCalculator.series(u.daily(), period, weights).stream()
                .filter(d -> !d.day().isAfter(LocalDate.ofInstant(now, zone)))
                .map(d -> {
                    Double minutes = DayBars.downtimeMinutes(d.totals(), d.uptime());
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
