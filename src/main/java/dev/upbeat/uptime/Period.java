package dev.upbeat.uptime;

import java.time.LocalDate;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A non-empty range of local days, {@code from} inclusive to {@code toExclusive} exclusive, over
 * which uptime is reported.
 */
public record Period(LocalDate from, LocalDate toExclusive) {

    public Period {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(toExclusive, "toExclusive");
        if (!from.isBefore(toExclusive)) {
            throw new IllegalArgumentException(
                    "period from " + from + " must be before toExclusive " + toExclusive);
        }
    }

    /** The whole calendar month before the one holding {@code today}. */
    public static Period previousMonth(LocalDate today) {
        LocalDate firstOfThisMonth = today.withDayOfMonth(1);
        return new Period(firstOfThisMonth.minusMonths(1), firstOfThisMonth);
    }

    /** The {@code days} days ending with and including {@code today}. */
    public static Period lastDays(LocalDate today, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1, was " + days);
        }
        return new Period(today.minusDays(days - 1L), today.plusDays(1));
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && day.isBefore(toExclusive);
    }

    public Stream<LocalDate> days() {
        return from.datesUntil(toExclusive);
    }
}
