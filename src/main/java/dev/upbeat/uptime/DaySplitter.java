package dev.upbeat.uptime;

import dev.upbeat.component.ComponentStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Cuts status spans at the local midnights of a zone and sums the time per local day and status.
 * A local day runs from {@link LocalDate#atStartOfDay(ZoneId)} to the next day's start, so it may
 * last 23, 23.5, 25 hours or even nothing; days without observed time are absent from the result.
 *
 * <p>Time is summed in milliseconds and floored to whole seconds once per (day, status), so
 * sub-second remainders of several spans add up instead of each being lost.
 */
public final class DaySplitter {

    private DaySplitter() {
    }

    /** Spans must not overlap; they may be unsorted, leave gaps, or be empty. */
    public static SortedMap<LocalDate, DayTotals> split(Collection<StatusSpan> spans, ZoneId zone) {
        return split(spans, zone, Instant.MIN, Instant.MAX);
    }

    /** Like {@link #split(Collection, ZoneId)}, counting only time inside [clipFrom, clipTo). */
    public static SortedMap<LocalDate, DayTotals> split(
            Collection<StatusSpan> spans, ZoneId zone, Instant clipFrom, Instant clipTo) {
        Objects.requireNonNull(spans, "spans");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(clipFrom, "clipFrom");
        Objects.requireNonNull(clipTo, "clipTo");
        if (clipTo.isBefore(clipFrom)) {
            throw new IllegalArgumentException("clipTo " + clipTo + " is before clipFrom " + clipFrom);
        }
        SortedMap<LocalDate, Map<ComponentStatus, Long>> millis = new TreeMap<>();
        for (StatusSpan span : spans) {
            Instant cursor = latest(span.start(), clipFrom);
            Instant end = earliest(span.end(), clipTo);
            while (cursor.isBefore(end)) {
                LocalDate day = dayContaining(cursor, zone);
                Instant dayEnd = earliest(end, startOf(day.plusDays(1), zone));
                millis.computeIfAbsent(day, d -> new EnumMap<>(ComponentStatus.class))
                        .merge(span.status(), Duration.between(cursor, dayEnd).toMillis(), Long::sum);
                cursor = dayEnd;
            }
        }
        SortedMap<LocalDate, DayTotals> result = new TreeMap<>();
        millis.forEach((day, byStatus) -> {
            DayTotals totals = DayTotals.empty(day);
            for (Map.Entry<ComponentStatus, Long> e : byStatus.entrySet()) {
                totals = totals.plus(e.getKey(), e.getValue() / 1000);
            }
            // A day holding only sub-second slivers has nothing observable: keep it unknown.
            if (totals.observedSeconds() > 0) {
                result.put(day, totals);
            }
        });
        return result;
    }

    /**
     * The day whose [start, next start) holds the instant. The calendar date at the instant is
     * nearly always it, but a zone turning its clock back across midnight repeats the end of the
     * previous date after the next day already began.
     */
    private static LocalDate dayContaining(Instant instant, ZoneId zone) {
        LocalDate day = LocalDate.ofInstant(instant, zone);
        while (startOf(day, zone).isAfter(instant)) {
            day = day.minusDays(1);
        }
        while (!startOf(day.plusDays(1), zone).isAfter(instant)) {
            day = day.plusDays(1);
        }
        return day;
    }

    private static Instant startOf(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
