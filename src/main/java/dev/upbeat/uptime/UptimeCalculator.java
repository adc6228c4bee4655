package dev.upbeat.uptime;

import dev.upbeat.config.UptimeWeights;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Turns per-day status totals into uptime ratios in [0, 1]. Only observed time counts: a day or
 * period without any observed second has an unknown uptime, never 100%.
 */
public final class UptimeCalculator {

    private UptimeCalculator() {
    }

    /** 1 - (major * w.major + partial * w.partial) / observed; empty when nothing was observed. */
    public static Optional<Double> uptime(DayTotals totals, UptimeWeights w) {
        long observed = totals.observedSeconds();
        if (observed == 0) {
            return Optional.empty();
        }
        double down = w.major() * totals.majorSeconds() + w.partial() * totals.partialSeconds();
        // The clamp only absorbs floating-point rounding; the weights already bound the ratio.
        return Optional.of(Math.clamp(1.0 - down / observed, 0.0, 1.0));
    }

    /** Sum of the days inside the period; the result is dated {@code p.from()}. */
    public static DayTotals total(SortedMap<LocalDate, DayTotals> days, Period p) {
        DayTotals sum = DayTotals.empty(p.from());
        for (DayTotals day : days.subMap(p.from(), p.toExclusive()).values()) {
            sum = sum.plus(day);
        }
        return sum;
    }

    public static Optional<Double> uptime(SortedMap<LocalDate, DayTotals> days, Period p, UptimeWeights w) {
        return uptime(total(days, p), w);
    }

    /** One entry per day of the period, in order, with unknown days marked as such. */
    public static List<DayUptime> series(SortedMap<LocalDate, DayTotals> days, Period p, UptimeWeights w) {
        return p.days()
                .map(day -> {
                    DayTotals totals = days.get(day);
                    return totals == null
                            ? new DayUptime(day, DayTotals.empty(day), Optional.empty())
                            : new DayUptime(day, totals, uptime(totals, w));
                })
                .toList();
    }
}
