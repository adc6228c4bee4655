package dev.upbeat.probe;

import dev.upbeat.storage.Database;
import dev.upbeat.storage.StorageUnavailable;
import dev.upbeat.storage.Tx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rolls raw results up into hourly and daily aggregates as hours and days end, then prunes what
 * has outlived its retention, so storage stays bounded however long Upbeat runs. Each probe is
 * rolled under its row lock ({@code SKIP LOCKED}: another instance rolling it is left alone), and
 * roll-ups are upserts, so repeating the work changes nothing.
 */
public final class ProbeRollups {
    /** Results are stamped when a check starts; waiting out the longest timeout lets an hour's last ones land. */
    static final Duration GRACE = ProbeRules.MAX_TIMEOUT;
    private static final Logger log = LoggerFactory.getLogger(ProbeRollups.class);

    /** How long each kind of data is kept. */
    public record Retention(Duration raw, Duration hourly, Duration daily) {
    }

    private final Database db;
    private final ProbeRepository probes;
    private final ResultRepository results;
    private final ZoneId zone;
    private final Retention retention;
    private final Clock clock;

    public ProbeRollups(Database db, ProbeRepository probes, ResultRepository results, ZoneId zone, Retention retention, Clock clock) {
        this.db = db;
        this.probes = probes;
        this.results = results;
        this.zone = zone;
        this.retention = retention;
        this.clock = clock;
    }

    /** Rolls every probe up to the last whole hour (less the grace), then prunes; returns rows pruned. */
    public int run() {
        Instant now = clock.instant();
        Instant until = now.minus(GRACE).truncatedTo(ChronoUnit.HOURS);
        for (Probe p : db.read(probes::all)) {
            db.useTransaction(tx -> roll(tx, p.id(), until, now));
        }
        return db.inTransaction(tx -> results.prune(tx, now.minus(retention.raw()), now.minus(retention.hourly()),
                now.minus(retention.daily())));
    }

    /** The scheduled entry point: catches and logs, so the schedule never dies. */
    public void tick() {
        try {
            run();
        } catch (RuntimeException e) {
            StorageUnavailable.logRetry(log, "Could not roll up or prune probe results; will retry", e);
        }
    }

    private void roll(Tx tx, String probeId, Instant until, Instant now) {
        Instant from = results.claimRolledUntil(tx, probeId).orElse(null);
        if (from == null) {
            return;
        }
        // After a long stop there is nothing older than the hourly retention worth rolling.
        Instant hour = later(from.truncatedTo(ChronoUnit.HOURS), now.minus(retention.hourly()).truncatedTo(ChronoUnit.HOURS));
        if (!hour.isBefore(until)) {
            return;
        }
        LocalDate firstDay = LocalDate.ofInstant(hour, zone);
        Instant loadFrom = firstDay.atStartOfDay(zone).toInstant();
        List<StoredResult> found = results.between(tx, probeId, loadFrom, until);
        group(found, r -> r.checkedAt().truncatedTo(ChronoUnit.HOURS)).forEach((h, inHour) -> {
            if (!h.isBefore(hour)) {
                results.upsert(tx, Aggregation.of(probeId, Rollup.Bucket.HOUR, h, h.plus(Duration.ofHours(1)), null, inHour));
            }
        });
        group(found, r -> LocalDate.ofInstant(r.checkedAt(), zone)).forEach((day, inDay) -> {
            Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
            if (!end.isAfter(until) && end.isAfter(from)) {
                results.upsert(tx, Aggregation.of(probeId, Rollup.Bucket.DAY, day.atStartOfDay(zone).toInstant(), end,
                        day.toString(), inDay));
            }
        });
        results.setRolledUntil(tx, probeId, until);
    }

    private static <K> Map<K, List<StoredResult>> group(List<StoredResult> results, Function<StoredResult, K> key) {
        Map<K, List<StoredResult>> groups = new TreeMap<>(); // keys are Instants or LocalDates: naturally ordered
        results.forEach(r -> groups.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r));
        return groups;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
