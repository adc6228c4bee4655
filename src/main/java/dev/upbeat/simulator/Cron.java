package dev.upbeat.simulator;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.upbeat.problem.Problem;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;

/**
 * A five-field cron expression (minute, hour, day of month, month, day of week; lists, ranges,
 * steps and {@code *}; Sunday is 0 or 7). As in Vixie cron, when both day fields are restricted
 * (neither starts with {@code *}) a day matching either counts; otherwise a day must match both.
 * Times are local to a zone: a time skipped by a DST jump does not happen that day, and a repeated
 * one happens once.
 */
public record Cron(@JsonValue String expression, BitSet minutes, BitSet hours, BitSet days, BitSet months, BitSet weekdays,
                   boolean anyDay, boolean anyWeekday) {

    public static Cron parse(String field, String expression) {
        String[] parts = expression == null ? new String[0] : expression.strip().split("\\s+");
        if (parts.length != 5) {
            throw Problem.invalid(field, field + " must have 5 fields (minute hour day-of-month month day-of-week), "
                    + "such as '0 10 * * 2'; got '" + expression + "'");
        }
        BitSet weekdays = set(field, parts[4], 0, 7);
        if (weekdays.get(7)) {
            weekdays.set(0);
        }
        return new Cron(String.join(" ", parts), set(field, parts[0], 0, 59), set(field, parts[1], 0, 23),
                set(field, parts[2], 1, 31), set(field, parts[3], 1, 12), weekdays, starred(parts[2]), starred(parts[4]));
    }

    /** Vixie cron counts a day field as unrestricted when it starts with a star, so {@code *}{@code /2} too. */
    private static boolean starred(String spec) {
        return spec.startsWith("*");
    }

    private static BitSet set(String field, String spec, int min, int max) {
        BitSet bits = new BitSet();
        for (String item : spec.split(",")) {
            try {
                String[] stepped = item.split("/", 2);
                int step = stepped.length == 2 ? Integer.parseInt(stepped[1]) : 1;
                String range = stepped[0];
                int from = min;
                int to = max;
                if (!range.equals("*")) {
                    String[] ends = range.split("-", 2);
                    from = Integer.parseInt(ends[0]);
                    to = ends.length == 2 ? Integer.parseInt(ends[1]) : (stepped.length == 2 ? max : from);
                }
                if (from < min || to > max || from > to || step < 1) {
                    throw new NumberFormatException();
                }
                for (int v = from; v <= to; v += step) {
                    bits.set(v);
                }
            } catch (NumberFormatException e) {
                throw Problem.invalid(field, field + ": '" + item + "' is not a value, range or step from " + min + " to " + max);
            }
        }
        return bits;
    }

    /** The first time strictly after {@code after} that this expression names in {@code zone}. */
    public Instant next(Instant after, ZoneId zone) {
        LocalDateTime t = LocalDateTime.ofInstant(after, zone).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        LocalDateTime limit = t.plusYears(5);
        while (t.isBefore(limit)) {
            if (!months.get(t.getMonthValue())) {
                t = t.withDayOfMonth(1).toLocalDate().plusMonths(1).atStartOfDay();
            } else if (!dayMatches(t)) {
                t = t.toLocalDate().plusDays(1).atStartOfDay();
            } else if (!hours.get(t.getHour())) {
                t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
            } else if (!minutes.get(t.getMinute())) {
                t = t.plusMinutes(1);
            } else {
                ZonedDateTime zoned = ZonedDateTime.ofLocal(t, zone, null);
                if (zoned.toLocalDateTime().equals(t) && zoned.toInstant().isAfter(after)) {
                    return zoned.toInstant();
                }
                t = t.plusMinutes(1);
            }
        }
        throw Problem.invalid("cron", "cron '" + expression + "' names no time in the next five years");
    }

    private boolean dayMatches(LocalDateTime t) {
        boolean day = days.get(t.getDayOfMonth());
        boolean weekday = weekdays.get(t.getDayOfWeek().getValue() % 7);
        if (anyDay || anyWeekday) {
            return day && weekday;
        }
        return day || weekday;
    }
}
