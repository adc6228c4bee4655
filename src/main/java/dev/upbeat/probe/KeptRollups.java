package dev.upbeat.probe;

import dev.upbeat.storage.Tx;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The daily and hourly roll-ups the snapshot reads, kept from one read to the next. Rolling up
 * writes only days and hours from the one holding the probe's old {@code rolled_until} on, and
 * moves it; pruning deletes only the oldest. So a probe is read again only from where its
 * {@code rolled_until} was, once it moved (on whichever instance), and what pruning took is
 * dropped by where its roll-ups now begin: a read costs the hours rolled since the last, not
 * thirteen months of every probe. All of it is in the database, so another instance's rolling is
 * seen as one's own.
 */
final class KeptRollups {
    private final ResultRepository results;
    private final ZoneId zone;
    /** Written and read only by the snapshot's rebuild, which runs one at a time. */
    private volatile Kept kept;

    KeptRollups(ResultRepository results, ZoneId zone) {
        this.results = results;
        this.zone = zone;
    }

    /** One probe's roll-ups, by start: days from {@code dailySince} on, hours from {@code hourlySince} on. */
    record Window(Instant rolledUntil, NavigableMap<Instant, Rollup> daily, NavigableMap<Instant, Rollup> hourly) {
    }

    private record Kept(Instant dailySince, Instant hourlySince, Map<String, Probed> byProbe) {
    }

    /** A probe's window and the creation time that tells it from one deleted and made again under its id. */
    private record Probed(Instant createdAt, Window window) {
    }

    /** Drops the kept roll-ups, so that the next read reads them all again. */
    void forget() {
        kept = null;
    }

    /** Every probe's window, keyed by probe id. */
    Map<String, Window> read(Tx tx, List<Probe> probes, Instant dailySince, Instant hourlySince) {
        Kept before = kept;
        boolean whole = before == null || dailySince.isBefore(before.dailySince()) || hourlySince.isBefore(before.hourlySince());
        Map<String, List<Rollup>> allDays = whole ? byProbe(results.rollups(tx, Rollup.Bucket.DAY, dailySince)) : Map.of();
        Map<String, List<Rollup>> allHours = whole ? byProbe(results.rollups(tx, Rollup.Bucket.HOUR, hourlySince)) : Map.of();
        Map<String, ResultRepository.RollMarks> marks = results.rollMarks(tx);
        Map<String, Probed> byProbe = new HashMap<>();
        for (Probe p : probes) {
            ResultRepository.RollMarks mark = marks.get(p.id());
            Probed old = whole ? null : before.byProbe().get(p.id());
            Window w;
            if (whole) {
                w = window(mark, allDays.getOrDefault(p.id(), List.of()), allHours.getOrDefault(p.id(), List.of()));
            } else if (old == null || !old.createdAt().equals(p.createdAt())) {
                w = window(mark, results.rollups(tx, p.id(), dailySince), List.of());
            } else if (!old.window().rolledUntil().equals(mark.rolledUntil())) {
                w = reread(tx, p.id(), old.window(), mark);
            } else {
                w = old.window();
            }
            byProbe.put(p.id(), new Probed(p.createdAt(), trim(w, mark, dailySince, hourlySince)));
        }
        kept = new Kept(dailySince, hourlySince, Map.copyOf(byProbe));
        Map<String, Window> windows = new HashMap<>();
        byProbe.forEach((id, probed) -> windows.put(id, probed.window()));
        return windows;
    }

    /** The kept rows before the day of the old {@code rolled_until}, and those read from there on. */
    private Window reread(Tx tx, String probeId, Window old, ResultRepository.RollMarks mark) {
        Instant from = LocalDate.ofInstant(old.rolledUntil(), zone).minusDays(1).atStartOfDay(zone).toInstant();
        Window read = window(mark, results.rollups(tx, probeId, from), List.of());
        NavigableMap<Instant, Rollup> daily = new TreeMap<>(old.daily().headMap(from, false));
        daily.putAll(read.daily());
        NavigableMap<Instant, Rollup> hourly = new TreeMap<>(old.hourly().headMap(from, false));
        hourly.putAll(read.hourly());
        return new Window(mark.rolledUntil(), daily, hourly);
    }

    private static Window window(ResultRepository.RollMarks mark, List<Rollup> days, List<Rollup> hours) {
        NavigableMap<Instant, Rollup> daily = new TreeMap<>();
        NavigableMap<Instant, Rollup> hourly = new TreeMap<>();
        for (Rollup r : days) {
            (r.bucket() == Rollup.Bucket.DAY ? daily : hourly).put(r.start(), r);
        }
        hours.forEach(r -> hourly.put(r.start(), r));
        return new Window(mark.rolledUntil(), daily, hourly);
    }

    /** Without what slid out of the windows or was pruned; a map is copied only when something goes. */
    private static Window trim(Window w, ResultRepository.RollMarks mark, Instant dailySince, Instant hourlySince) {
        return new Window(w.rolledUntil(), from(w.daily(), later(dailySince, mark.firstDay())),
                from(w.hourly(), later(hourlySince, mark.firstHour())));
    }

    private static NavigableMap<Instant, Rollup> from(NavigableMap<Instant, Rollup> rows, Instant first) {
        if (first == null) {
            return rows.isEmpty() ? rows : new TreeMap<>();
        }
        return rows.isEmpty() || !rows.firstKey().isBefore(first) ? rows : new TreeMap<>(rows.tailMap(first, true));
    }

    private static Instant later(Instant since, Instant first) {
        return first == null ? null : first.isAfter(since) ? first : since;
    }

    private static Map<String, List<Rollup>> byProbe(List<Rollup> rollups) {
        Map<String, List<Rollup>> map = new HashMap<>();
        rollups.forEach(r -> map.computeIfAbsent(r.probeId(), k -> new ArrayList<>()).add(r));
        return map;
    }
}
