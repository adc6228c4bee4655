package dev.upbeat.uptime;

import dev.upbeat.component.Component;
import dev.upbeat.config.UptimeWeights;
import dev.upbeat.storage.Tx;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads uptime for every component from the daily roll-ups plus each component's one open
 * interval, cut off at {@code now}: a bounded read however long the history is. The roll-ups of
 * one call are kept for the next, which reads only those written since, and so are the past days
 * made from them: a summary shares them with the one before and adds only today.
 */
public final class UptimeReader {
    public static final int BAR_DAYS = 90;
    /** How far back monthly pages can look without touching the database. */
    public static final int HISTORY_MONTHS = 12;

    private final IntervalRepository intervals;
    private final ZoneId zone;
    private final UptimeWeights weights;
    /** Written and read only by the snapshot's rebuild, which runs one at a time. */
    private volatile ClosedDays kept;
    /** Each component's past days as the last call made them; written and read only by the rebuild. */
    private volatile Map<String, PastDays> pasts = Map.of();
    private static final SortedMap<LocalDate, DayTotals> NO_DAYS = Collections.emptySortedMap();

    public UptimeReader(IntervalRepository intervals, ZoneId zone, UptimeWeights weights) {
        this.intervals = intervals;
        this.zone = zone;
        this.weights = weights;
    }

    /**
     * Each component's summary as of {@code now}, from the roll-ups as of {@code version} (the
     * change count read in {@code tx}) plus the open intervals.
     */
    public Map<String, UptimeSummary> summaries(Tx tx, Instant now, long version, List<Component> components) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        Period bars = Period.lastDays(today, BAR_DAYS);
        Period previousMonth = Period.previousMonth(today);
        LocalDate from = today.minusMonths(HISTORY_MONTHS).withDayOfMonth(1);
        Map<String, KeptDays> closed = closedDays(tx, version, from, components);
        Map<String, List<Interval>> open = new HashMap<>();
        for (Interval interval : intervals.allOpen(tx)) {
            if (interval.start().isBefore(now)) {
                open.computeIfAbsent(interval.componentId(), k -> new ArrayList<>()).add(interval);
            }
        }
        Instant fromInstant = from.atStartOfDay(zone).toInstant();
        Instant todayStart = today.atStartOfDay(zone).toInstant();
        Set<String> ids = new HashSet<>(closed.keySet());
        ids.addAll(open.keySet());
        Map<String, PastDays> made = new HashMap<>();
        Map<String, UptimeSummary> summaries = new HashMap<>();
        for (String id : ids) {
            KeptDays rolledUp = closed.get(id);
            List<Interval> spans = open.getOrDefault(id, List.of());
            PastDays past = past(id, rolledUp == null ? NO_DAYS : rolledUp.days(), spans, fromInstant, todayStart);
            made.put(id, past);
            SortedMap<LocalDate, DayTotals> current = split(spans, later(fromInstant, todayStart), now);
            summaries.put(id, summarize(LayeredDays.of(past.days(), current), today, previousMonth, bars));
        }
        pasts = Map.copyOf(made);
        return summaries;
    }

    /** Drops the kept days, so that the next call reads every day again. */
    public void forget() {
        kept = null;
    }

    /**
     * A component's closed days with what its open interval adds to the days before today: the
     * last call's when neither changed, as only today is still being counted. So a rebuild shares
     * thirteen months of days with the summary it replaces instead of copying them, kept as
     * {@link DenseDays}, where a day is found in one step.
     */
    private PastDays past(String id, SortedMap<LocalDate, DayTotals> closed, List<Interval> open, Instant from, Instant todayStart) {
        PastDays before = pasts.get(id);
        if (before != null && before.closed() == closed && before.open().equals(open) && before.todayStart().equals(todayStart)
                && before.from().equals(from)) {
            return before;
        }
        SortedMap<LocalDate, DayTotals> added = split(open, from, todayStart);
        if (added.isEmpty()) {
            return new PastDays(closed, List.copyOf(open), todayStart, from, DenseDays.of(closed));
        }
        SortedMap<LocalDate, DayTotals> days = new TreeMap<>(closed);
        added.forEach((day, totals) -> days.merge(day, totals, DayTotals::plus));
        return new PastDays(closed, List.copyOf(open), todayStart, from, DenseDays.of(days));
    }

    /** The open intervals' time inside [clipFrom, clipTo), per day, each interval split on its own. */
    private SortedMap<LocalDate, DayTotals> split(List<Interval> open, Instant clipFrom, Instant clipTo) {
        SortedMap<LocalDate, DayTotals> days = new TreeMap<>();
        for (Interval interval : open) {
            if (!interval.start().isBefore(clipTo)) {
                continue;
            }
            DaySplitter.split(List.of(new StatusSpan(interval.status(), interval.start(), clipTo)), zone, clipFrom, clipTo)
                    .forEach((day, totals) -> days.merge(day, totals, DayTotals::plus));
        }
        return days;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** What {@link #past} made for a component's closed days, open intervals, today and window. */
    private record PastDays(SortedMap<LocalDate, DayTotals> closed, List<Interval> open, Instant todayStart, Instant from,
                            SortedMap<LocalDate, DayTotals> days) {
    }

    /**
     * The roll-ups of every component from {@code from} on: those kept from the last call, with the
     * days written since its version read again, so a rebuild reads what changed, not thirteen months
     * of every component. A component's kept days go with it (its rows are deleted with it); one
     * created again under the same id is a new component and is read afresh.
     */
    private Map<String, KeptDays> closedDays(Tx tx, long version, LocalDate from, List<Component> components) {
        ClosedDays before = kept;
        boolean whole = before == null || version < before.version() || from.isBefore(before.from());
        Map<String, SortedMap<LocalDate, DayTotals>> read = whole ? intervals.rollupsSince(tx, from)
                : version == before.version() ? Map.of() : intervals.rollupsChangedSince(tx, from, before.version());
        Map<String, KeptDays> byComponent = new HashMap<>();
        for (Component c : components) {
            KeptDays old = whole ? null : before.byComponent().get(c.id());
            SortedMap<LocalDate, DayTotals> days = old == null || !old.createdAt().equals(c.createdAt()) ? new TreeMap<>()
                    : from.equals(before.from()) ? old.days() : new TreeMap<>(old.days().tailMap(from));
            SortedMap<LocalDate, DayTotals> changed = read.get(c.id());
            if (changed != null) {
                days = new TreeMap<>(days); // the kept map may be the last call's, which is never changed
                days.putAll(changed);
            }
            if (!days.isEmpty()) {
                byComponent.put(c.id(), new KeptDays(c.createdAt(), days));
            }
        }
        kept = new ClosedDays(version, from, Map.copyOf(byComponent));
        return byComponent;
    }

    /** What {@link #closedDays} read as of a change count, from a first day on. */
    private record ClosedDays(long version, LocalDate from, Map<String, KeptDays> byComponent) {
    }

    /** One component's roll-ups, with the creation time that tells it from one deleted before. */
    private record KeptDays(Instant createdAt, SortedMap<LocalDate, DayTotals> days) {
    }

    /**
     * Summaries of days measured elsewhere (probes), by the same rules as the status history. The
     * per-day maps become the summaries' own, not copied: the caller hands them over.
     */
    public Map<String, UptimeSummary> summarize(Map<String, SortedMap<LocalDate, DayTotals>> days, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        Map<String, UptimeSummary> summaries = new HashMap<>();
        days.forEach((id, perDay) -> summaries.put(id,
                summarize(perDay, today, Period.previousMonth(today), Period.lastDays(today, BAR_DAYS))));
        return summaries;
    }

    /** Takes {@code days} over as the summary's daily totals: each caller builds it for this summary alone. */
    private UptimeSummary summarize(SortedMap<LocalDate, DayTotals> days, LocalDate today, Period previousMonth, Period bars) {
        return new UptimeSummary(previousMonth,
                UptimeCalculator.uptime(days, previousMonth, weights),
                UptimeCalculator.uptime(days, Period.lastDays(today, 30), weights),
                UptimeCalculator.uptime(days, bars, weights),
                UptimeCalculator.series(days, bars, weights),
                java.util.Collections.unmodifiableSortedMap(days));
    }

    /** The summary of a component with no observed time at all. */
    public UptimeSummary unknown(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        Period bars = Period.lastDays(today, BAR_DAYS);
        return summarize(new TreeMap<>(), today, Period.previousMonth(today), bars);
    }
}
