package dev.upbeat.uptime;

import dev.upbeat.config.UptimeWeights;
import dev.upbeat.storage.Tx;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads uptime for every component from the daily roll-ups plus each component's one open
 * interval, cut off at {@code now}: a bounded read however long the history is.
 */
public final class UptimeReader {
    public static final int BAR_DAYS = 90;
    /** How far back monthly pages can look without touching the database. */
    public static final int HISTORY_MONTHS = 12;

    private final IntervalRepository intervals;
    private final ZoneId zone;
    private final UptimeWeights weights;

    public UptimeReader(IntervalRepository intervals, ZoneId zone, UptimeWeights weights) {
        this.intervals = intervals;
        this.zone = zone;
        this.weights = weights;
    }

    public Map<String, UptimeSummary> summaries(Tx tx, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        Period bars = Period.lastDays(today, BAR_DAYS);
        Period previousMonth = Period.previousMonth(today);
        LocalDate from = today.minusMonths(HISTORY_MONTHS).withDayOfMonth(1);
        Map<String, SortedMap<LocalDate, DayTotals>> days = intervals.rollupsSince(tx, from);
        Instant fromInstant = from.atStartOfDay(zone).toInstant();
        for (Interval open : intervals.allOpen(tx)) {
            if (open.start().isBefore(now)) {
                var current = DaySplitter.split(List.of(new StatusSpan(open.status(), open.start(), now)), zone, fromInstant, now);
                SortedMap<LocalDate, DayTotals> merged = days.computeIfAbsent(open.componentId(), k -> new TreeMap<>());
                current.forEach((day, totals) -> merged.merge(day, totals, DayTotals::plus));
            }
        }
        Map<String, UptimeSummary> summaries = new HashMap<>();
        days.forEach((componentId, perDay) -> summaries.put(componentId, summarize(perDay, today, previousMonth, bars)));
        return summaries;
    }

    /** Summaries of days measured elsewhere (probes), by the same rules as the status history. */
    public Map<String, UptimeSummary> summarize(Map<String, SortedMap<LocalDate, DayTotals>> days, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        Map<String, UptimeSummary> summaries = new HashMap<>();
        days.forEach((id, perDay) -> summaries.put(id,
                summarize(perDay, today, Period.previousMonth(today), Period.lastDays(today, BAR_DAYS))));
        return summaries;
    }

    private UptimeSummary summarize(SortedMap<LocalDate, DayTotals> days, LocalDate today, Period previousMonth, Period bars) {
        return new UptimeSummary(previousMonth,
                UptimeCalculator.uptime(days, previousMonth, weights),
                UptimeCalculator.uptime(days, Period.lastDays(today, 30), weights),
                UptimeCalculator.uptime(days, bars, weights),
                UptimeCalculator.series(days, bars, weights),
                java.util.Collections.unmodifiableSortedMap(new TreeMap<>(days)));
    }

    /** The summary of a component with no observed time at all. */
    public UptimeSummary unknown(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        Period bars = Period.lastDays(today, BAR_DAYS);
        return summarize(new TreeMap<>(), today, Period.previousMonth(today), bars);
    }
}
