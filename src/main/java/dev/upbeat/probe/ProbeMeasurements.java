package dev.upbeat.probe;

import dev.upbeat.storage.Tx;
import dev.upbeat.uptime.DayTotals;
import dev.upbeat.uptime.DenseDays;
import dev.upbeat.uptime.LayeredDays;
import dev.upbeat.uptime.Measurements;
import dev.upbeat.component.ComponentStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads what probes measured for the snapshot, per component: complete days from the daily
 * roll-ups, the day in progress from its hourly roll-ups plus the raw results since the last
 * roll-up (at most about an hour), and a week of hourly latency per probe. A bounded read however
 * long Upbeat has run, and the roll-ups read once are kept for the next read ({@link KeptRollups}).
 */
public final class ProbeMeasurements implements Measurements {
    public static final Duration LATENCY_WINDOW = Duration.ofDays(7);
    /** The monthly pages look back twelve months. */
    private static final int DAYS_KEPT_FOR_PAGES = 400;

    private final ProbeRepository probes;
    private final ResultRepository results;
    private final ZoneId zone;
    private final KeptRollups kept;
    /** Written and read only by the snapshot's rebuild, which runs one at a time. */
    private volatile Map<String, ClosedDays> closedDays = Map.of();
    /** Written and read only by the snapshot's rebuild, which runs one at a time. */
    private volatile Map<String, ComponentDays> componentDays = Map.of();

    public ProbeMeasurements(ProbeRepository probes, ResultRepository results, ZoneId zone) {
        this.probes = probes;
        this.results = results;
        this.zone = zone;
        this.kept = new KeptRollups(results, zone);
    }

    @Override
    public void forget() {
        kept.forget();
    }

    @Override
    public Measured read(Tx tx, Instant now) {
        List<Probe> all = probes.all(tx);
        if (all.isEmpty()) {
            return Measured.EMPTY;
        }
        Instant since = LocalDate.ofInstant(now, zone).minusDays(DAYS_KEPT_FOR_PAGES).atStartOfDay(zone).toInstant();
        Instant hoursSince = now.minus(LATENCY_WINDOW).truncatedTo(ChronoUnit.HOURS);
        Map<String, KeptRollups.Window> windows = kept.read(tx, all, since, hoursSince.minus(Duration.ofDays(2)));
        Map<String, List<CompleteDays>> complete = new LinkedHashMap<>();
        Map<String, SortedMap<LocalDate, DayTotals>> current = new HashMap<>();
        Map<String, List<LatencySeries>> latency = new LinkedHashMap<>();
        Map<String, ClosedDays> converted = new HashMap<>();
        for (Probe p : all) {
            KeptRollups.Window w = windows.get(p.id());
            Instant rolled = w.rolledUntil();
            Instant dayStart = LocalDate.ofInstant(rolled, zone).atStartOfDay(zone).toInstant();
            ClosedDays closed = closedDays.get(p.id());
            closed = closed != null && closed.rows() == w.daily() ? closed : new ClosedDays(w.daily(), totals(w.daily()));
            converted.put(p.id(), closed);
            complete.computeIfAbsent(p.componentId(), k -> new ArrayList<>())
                    .add(new CompleteDays(closed, LocalDate.ofInstant(dayStart, zone)));
            SortedMap<LocalDate, DayTotals> today = current.computeIfAbsent(p.componentId(), k -> new TreeMap<>());
            if (!dayStart.isAfter(rolled)) {
                w.hourly().subMap(dayStart, true, rolled, false).values().forEach(r -> add(today, r));
            }
            addRaw(today, p.id(), results.between(tx, p.id(), rolled, now), rolled, now);
            latency.computeIfAbsent(p.componentId(), k -> new ArrayList<>()).add(new LatencySeries(p.name(),
                    w.hourly().tailMap(hoursSince, true).values().stream().filter(r -> r.p50() != null)
                            .map(r -> new LatencyPoint(r.start(), r.checks(), r.successes(), r.p50(), r.p95(), r.p99())).toList()));
        }
        closedDays = Map.copyOf(converted);
        Map<String, SortedMap<LocalDate, DayTotals>> days = new HashMap<>();
        Map<String, ComponentDays> made = new HashMap<>();
        complete.forEach((componentId, parts) -> {
            ComponentDays before = componentDays.get(componentId);
            ComponentDays past = before != null && before.sameParts(parts) ? before : ComponentDays.of(parts);
            made.put(componentId, past);
            days.put(componentId, LayeredDays.of(past.days(), current.get(componentId)));
        });
        componentDays = Map.copyOf(made);
        return new Measured(days, latency);
    }

    /** A probe's complete days: those of its closed days before the day its roll-ups reach into. */
    private record CompleteDays(ClosedDays closed, LocalDate before) {
        SortedMap<LocalDate, DayTotals> days() {
            return closed.days().headMap(before, false);
        }
    }

    /**
     * A component's complete days, its probes' added up: made again only when one of its probes'
     * closed days or the day its roll-ups reach into changed, else shared with the last read's
     * summary instead of copied (thirteen months of days per component).
     */
    private record ComponentDays(List<CompleteDays> parts, SortedMap<LocalDate, DayTotals> days) {
        static ComponentDays of(List<CompleteDays> parts) {
            SortedMap<LocalDate, DayTotals> days = new TreeMap<>(parts.get(0).days());
            parts.subList(1, parts.size()).forEach(part -> part.days().forEach((day, t) -> days.merge(day, t, DayTotals::plus)));
            return new ComponentDays(List.copyOf(parts), DenseDays.of(days));
        }

        /** The same probes' same closed days, compared by identity: they are never changed once made. */
        boolean sameParts(List<CompleteDays> others) {
            if (others.size() != parts.size()) {
                return false;
            }
            for (int k = 0; k < parts.size(); k++) {
                if (parts.get(k).closed() != others.get(k).closed() || !parts.get(k).before().equals(others.get(k).before())) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A probe's complete days, summed from its daily roll-ups. */
    private NavigableMap<LocalDate, DayTotals> totals(NavigableMap<Instant, Rollup> daily) {
        NavigableMap<LocalDate, DayTotals> totals = new TreeMap<>();
        daily.values().forEach(r -> add(totals, r));
        return totals;
    }

    /** The day totals of one map of daily roll-ups, worked out again only when the kept roll-ups change. */
    private record ClosedDays(NavigableMap<Instant, Rollup> rows, NavigableMap<LocalDate, DayTotals> days) {
    }

    /** Results not rolled up yet, folded per local day (the stretch after midnight belongs to the new day). */
    private void addRaw(SortedMap<LocalDate, DayTotals> perDay, String probeId, List<StoredResult> raw, Instant from, Instant now) {
        Map<LocalDate, List<StoredResult>> byDay = new TreeMap<>();
        raw.forEach(r -> byDay.computeIfAbsent(LocalDate.ofInstant(r.checkedAt(), zone), k -> new ArrayList<>()).add(r));
        byDay.forEach((day, found) -> {
            Instant start = later(day.atStartOfDay(zone).toInstant(), from);
            Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
            add(perDay, Aggregation.of(probeId, Rollup.Bucket.HOUR, start, end.isAfter(now) ? now : end, null, found));
        });
    }

    private void add(SortedMap<LocalDate, DayTotals> perDay, Rollup r) {
        if (r.checks() == 0) {
            return;
        }
        LocalDate day = LocalDate.ofInstant(r.start(), zone);
        DayTotals t = DayTotals.empty(day).plus(ComponentStatus.OPERATIONAL, r.upSeconds())
                .plus(ComponentStatus.MAJOR_OUTAGE, r.downSeconds()).plus(ComponentStatus.UNDER_MAINTENANCE, r.maintenanceSeconds());
        perDay.merge(day, t, DayTotals::plus);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
