package dev.upbeat.uptime;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * A component's uptime as the public sees it: the previous calendar month, the last 30 and 90
 * days (empty where nothing was observed: unknown, never 100%), one entry per day for bars, and
 * the daily totals of the last twelve months for monthly pages.
 */
public record UptimeSummary(
        Period previousMonthPeriod,
        Optional<Double> previousMonth,
        Optional<Double> last30Days,
        Optional<Double> last90Days,
        List<DayUptime> days,
        SortedMap<LocalDate, DayTotals> daily) {
}
