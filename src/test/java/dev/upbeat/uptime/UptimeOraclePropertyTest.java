package dev.upbeat.uptime;

import dev.upbeat.component.ComponentStatus;
import dev.upbeat.config.UptimeWeights;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Compares the splitter and calculator against a brute-force oracle that walks random histories
 * minute by minute and asks java.time for each minute's local date. Seeds are fixed so that a
 * failure names a reproducible case.
 */
class UptimeOraclePropertyTest {

    private static final int SEEDS = 300;
    private static final List<ZoneId> ZONES = List.of("UTC", "Europe/Paris", "America/New_York",
            "Australia/Lord_Howe", "Asia/Kolkata", "America/Sao_Paulo", "Pacific/Apia").stream().map(ZoneId::of).toList();
    private static final ComponentStatus[] STATUSES = ComponentStatus.values();
    private static final long FROM_2010 = Instant.parse("2010-01-01T00:00:00Z").getEpochSecond() / 60;
    private static final long TO_2030 = Instant.parse("2030-01-01T00:00:00Z").getEpochSecond() / 60;
    /** Transitions most likely to break day arithmetic: Samoa's skipped day, Sao Paulo's midnight shifts. */
    private static final List<Instant> HOTSPOTS = List.of(Instant.parse("2011-12-30T10:00:00Z"),
            Instant.parse("2018-11-04T03:00:00Z"), Instant.parse("2019-02-17T02:00:00Z"));

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void splitter_and_calculator_agree_with_a_minute_by_minute_oracle() {
        int crossingOffsetChanges = 0;
        for (int seed = 0; seed < SEEDS; seed++) {
            Random r = new Random(seed);
            ZoneId zone = ZONES.get(r.nextInt(ZONES.size()));
            List<StatusSpan> spans = history(r, zone);
            String ctx = "seed=" + seed + " zone=" + zone;
            Instant first = spans.stream().map(StatusSpan::start).min(Comparator.naturalOrder()).orElseThrow();
            Instant last = spans.stream().map(StatusSpan::end).max(Comparator.naturalOrder()).orElseThrow();
            Instant clipFrom = first.plusSeconds(60L * (r.nextInt(3 * 1440) - 1440));
            Instant clipTo = clipFrom.plusSeconds(60L * r.nextInt(10 * 1440));
            Map<LocalDate, long[]> minutes = walk(spans, zone, Instant.MIN, Instant.MAX);

            long spanSeconds = spans.stream().mapToLong(s -> s.end().getEpochSecond() - s.start().getEpochSecond()).sum();
            assertThat(asTotals(minutes).values().stream().mapToLong(DayTotals::observedSeconds).sum())
                    .as("oracle sanity, %s", ctx).isEqualTo(spanSeconds);
            ZoneOffsetTransition next = zone.getRules().nextTransition(first);
            crossingOffsetChanges += next != null && next.getInstant().isBefore(last) ? 1 : 0;

            SortedMap<LocalDate, DayTotals> days = DaySplitter.split(spans, zone);
            assertThat(days).as("split, %s", ctx).isEqualTo(asTotals(minutes));
            assertThat(DaySplitter.split(spans, zone, clipFrom, clipTo))
                    .as("clipped split [%s, %s), %s", clipFrom, clipTo, ctx).isEqualTo(asTotals(walk(spans, zone, clipFrom, clipTo)));
            checkUptimes(r, days, minutes, LocalDate.ofInstant(first, zone), LocalDate.ofInstant(last, zone), ctx);
        }
        assertThat(crossingOffsetChanges).as("histories crossing an offset change").isGreaterThan(SEEDS / 5);
    }

    private static void checkUptimes(Random r, SortedMap<LocalDate, DayTotals> days, Map<LocalDate, long[]> minutes,
            LocalDate firstDay, LocalDate lastDay, String ctx) {
        int dayCount = (int) (lastDay.toEpochDay() - firstDay.toEpochDay()) + 1;
        // Each period carries its own membership rule, so that the Period factories are checked too.
        Map<Period, Predicate<LocalDate>> periods = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            LocalDate from = firstDay.plusDays(r.nextInt(dayCount + 10) - 5);
            LocalDate to = from.plusDays(1 + r.nextInt(60));
            periods.put(new Period(from, to), d -> d.compareTo(from) >= 0 && d.compareTo(to) < 0);
        }
        LocalDate today = firstDay.plusDays(r.nextInt(dayCount + 50) - 10);
        YearMonth lastMonth = YearMonth.from(today).minusMonths(1);
        periods.put(Period.previousMonth(today), d -> YearMonth.from(d).equals(lastMonth));
        for (int n : new int[] {30, 90}) {
            long ago = today.toEpochDay() - n;
            periods.put(Period.lastDays(today, n), d -> d.toEpochDay() <= today.toEpochDay() && d.toEpochDay() > ago);
        }
        for (UptimeWeights w : List.of(UptimeWeights.DEFAULT, new UptimeWeights(r.nextDouble(), r.nextDouble()))) {
            periods.forEach((p, inPeriod) -> assertUptime(UptimeCalculator.uptime(days, p, w),
                    oracleUptime(minutes, inPeriod, w), ctx + " period=" + p + " weights=" + w));
            Period p = List.copyOf(periods.keySet()).get(r.nextInt(periods.size()));
            List<DayUptime> series = UptimeCalculator.series(days, p, w);
            assertThat(series).extracting(DayUptime::day).as("series days, %s", ctx).isEqualTo(p.days().toList());
            for (DayUptime entry : series) {
                long[] m = minutes.get(entry.day());
                assertThat(entry.totals()).as("series totals %s, %s", entry.day(), ctx)
                        .isEqualTo(m == null ? DayTotals.empty(entry.day()) : totals(entry.day(), m));
                assertUptime(entry.uptime(), oracleUptime(minutes, entry.day()::equals, w), ctx + " day=" + entry.day());
            }
        }
    }

    /** 1..40 non-overlapping, minute-aligned spans with random gaps, shuffled. */
    private static List<StatusSpan> history(Random r, ZoneId zone) {
        long startMinute = anchorMinute(r, zone) - r.nextInt(3 * 1440);
        int days = 1 + r.nextInt(r.nextBoolean() ? 5 : 120);
        int n = 1 + r.nextInt(40);
        long[] cuts = new long[2 * n];
        for (int i = 1; i < cuts.length - 1; i++) {
            cuts[i] = r.nextInt(days * 1440 + 1);
        }
        cuts[cuts.length - 1] = days * 1440L;
        Arrays.sort(cuts);
        List<StatusSpan> spans = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long from = cuts[2 * i];
            // Sometimes close the gap to the next span, sometimes make the span empty.
            long to = r.nextInt(20) == 0 ? from : i + 1 < n && r.nextInt(10) < 3 ? cuts[2 * i + 2] : cuts[2 * i + 1];
            spans.add(new StatusSpan(STATUSES[r.nextInt(STATUSES.length)],
                    minute(startMinute + from), minute(startMinute + to)));
        }
        Collections.shuffle(spans, r);
        return spans;
    }

    /** A minute near an offset change, a local month start, a known hotspot, or anywhere in 2010..2030. */
    private static long anchorMinute(Random r, ZoneId zone) {
        Instant any = minute(FROM_2010 + (long) (r.nextDouble() * (TO_2030 - FROM_2010)));
        Instant anchor = switch (r.nextInt(4)) {
            case 0 -> Optional.ofNullable(zone.getRules().nextTransition(any)).map(ZoneOffsetTransition::getInstant).orElse(any);
            case 1 -> LocalDate.ofInstant(any, zone).withDayOfMonth(1).plusMonths(1).atStartOfDay(zone).toInstant();
            case 2 -> HOTSPOTS.get(r.nextInt(HOTSPOTS.size()));
            default -> any;
        };
        return Math.floorDiv(anchor.getEpochSecond(), 60);
    }

    /** Seconds per day and status, found by asking java.time for the local date of every covered minute. */
    private static Map<LocalDate, long[]> walk(List<StatusSpan> spans, ZoneId zone, Instant clipFrom, Instant clipTo) {
        List<StatusSpan> sorted = spans.stream()
                .sorted(Comparator.comparing(StatusSpan::start).thenComparing(StatusSpan::end)).toList();
        long firstMinute = sorted.getFirst().start().getEpochSecond() / 60;
        long lastMinute = sorted.stream().mapToLong(s -> s.end().getEpochSecond() / 60).max().orElseThrow();
        Map<LocalDate, long[]> minutes = new HashMap<>();
        int i = 0;
        for (long m = firstMinute; m < lastMinute; m++) {
            Instant at = minute(m);
            while (i < sorted.size() && !sorted.get(i).end().isAfter(at)) {
                i++;
            }
            if (i < sorted.size() && !sorted.get(i).start().isAfter(at) && !at.isBefore(clipFrom) && at.isBefore(clipTo)) {
                long[] day = minutes.computeIfAbsent(LocalDate.ofInstant(at, zone), d -> new long[STATUSES.length]);
                day[sorted.get(i).status().ordinal()]++;
            }
        }
        return minutes;
    }

    private static Optional<Double> oracleUptime(
            Map<LocalDate, long[]> minutes, Predicate<LocalDate> inPeriod, UptimeWeights w) {
        long[] sum = new long[STATUSES.length];
        minutes.entrySet().stream().filter(e -> inPeriod.test(e.getKey()))
                .forEach(e -> Arrays.setAll(sum, s -> sum[s] + e.getValue()[s]));
        long observed = Arrays.stream(sum).sum();
        double down = w.major() * sum[ComponentStatus.MAJOR_OUTAGE.ordinal()]
                + w.partial() * sum[ComponentStatus.PARTIAL_OUTAGE.ordinal()];
        return observed == 0 ? Optional.empty() : Optional.of(1.0 - down / observed);
    }

    private static void assertUptime(Optional<Double> actual, Optional<Double> expected, String ctx) {
        assertThat(actual.isPresent()).as("uptime known, %s", ctx).isEqualTo(expected.isPresent());
        expected.ifPresent(e -> assertThat(actual.orElseThrow()).as("uptime, %s", ctx).isCloseTo(e, within(1e-12)));
    }

    private static SortedMap<LocalDate, DayTotals> asTotals(Map<LocalDate, long[]> minutes) {
        SortedMap<LocalDate, DayTotals> result = new TreeMap<>();
        minutes.forEach((day, m) -> result.put(day, totals(day, m)));
        return result;
    }

    private static DayTotals totals(LocalDate day, long[] m) {
        return DayTotals.builder().day(day).operationalSeconds(m[ComponentStatus.OPERATIONAL.ordinal()] * 60)
                .maintenanceSeconds(m[ComponentStatus.UNDER_MAINTENANCE.ordinal()] * 60)
                .degradedSeconds(m[ComponentStatus.DEGRADED_PERFORMANCE.ordinal()] * 60)
                .partialSeconds(m[ComponentStatus.PARTIAL_OUTAGE.ordinal()] * 60)
                .majorSeconds(m[ComponentStatus.MAJOR_OUTAGE.ordinal()] * 60).build();
    }

    private static Instant minute(long epochMinute) {
        return Instant.ofEpochSecond(epochMinute * 60);
    }
}
