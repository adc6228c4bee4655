package dev.upbeat.uptime;

import java.time.LocalDate;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SortedMap;

/**
 * Daily totals as a read-only sorted map over one array, a slot per calendar day. Past days are
 * made into this once, when they change, and read at every rebuild: there a day is found in one
 * step and a month is a run of neighbouring slots, however many years the map holds, where a tree
 * walks a path that grows with them (and, with years of days of a hundred components, misses the
 * processor's caches on the way). Views of a range share the array.
 */
public final class DenseDays extends AbstractMap<LocalDate, DayTotals> implements SortedMap<LocalDate, DayTotals> {
    private static final DayTotals[] NONE = new DayTotals[0];

    /** The epoch day of slot 0. */
    private final long first;
    private final DayTotals[] slots;
    /** The slots this map shows, from {@code from} to before {@code to}. */
    private final int from;
    private final int to;

    private DenseDays(long first, DayTotals[] slots, int from, int to) {
        this.first = first;
        this.slots = slots;
        this.from = from;
        this.to = to;
    }

    /** The days of {@code days}, in a map of their own. */
    public static SortedMap<LocalDate, DayTotals> of(SortedMap<LocalDate, DayTotals> days) {
        if (days instanceof DenseDays) {
            return days;
        }
        if (days.isEmpty()) {
            return new DenseDays(0, NONE, 0, 0);
        }
        long first = days.firstKey().toEpochDay();
        DayTotals[] slots = new DayTotals[Math.toIntExact(days.lastKey().toEpochDay() - first + 1)];
        days.forEach((day, totals) -> slots[(int) (day.toEpochDay() - first)] = totals);
        return new DenseDays(first, slots, 0, slots.length);
    }

    @Override
    public DayTotals get(Object day) {
        if (!(day instanceof LocalDate d)) {
            return null;
        }
        long slot = d.toEpochDay() - first;
        return slot >= from && slot < to ? slots[(int) slot] : null;
    }

    @Override
    public boolean containsKey(Object day) {
        return get(day) != null;
    }

    @Override
    public Set<Entry<LocalDate, DayTotals>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<LocalDate, DayTotals>> iterator() {
                return new Iterator<>() {
                    private int next = filled(from);

                    @Override
                    public boolean hasNext() {
                        return next < to;
                    }

                    @Override
                    public Entry<LocalDate, DayTotals> next() {
                        if (next >= to) {
                            throw new NoSuchElementException();
                        }
                        Entry<LocalDate, DayTotals> e = Map.entry(day(next), slots[next]);
                        next = filled(next + 1);
                        return e;
                    }
                };
            }

            @Override
            public int size() {
                int n = 0;
                for (int k = from; k < to; k++) {
                    n += slots[k] == null ? 0 : 1;
                }
                return n;
            }
        };
    }

    @Override
    public boolean isEmpty() {
        return filled(from) >= to;
    }

    @Override
    public Comparator<? super LocalDate> comparator() {
        return null;
    }

    @Override
    public SortedMap<LocalDate, DayTotals> subMap(LocalDate fromDay, LocalDate toDay) {
        if (fromDay.isAfter(toDay)) {
            throw new IllegalArgumentException("fromKey > toKey");
        }
        return new DenseDays(first, slots, clamp(fromDay), clamp(toDay));
    }

    @Override
    public SortedMap<LocalDate, DayTotals> headMap(LocalDate toDay) {
        return new DenseDays(first, slots, from, clamp(toDay));
    }

    @Override
    public SortedMap<LocalDate, DayTotals> tailMap(LocalDate fromDay) {
        return new DenseDays(first, slots, clamp(fromDay), to);
    }

    @Override
    public LocalDate firstKey() {
        int k = filled(from);
        if (k >= to) {
            throw new NoSuchElementException();
        }
        return day(k);
    }

    @Override
    public LocalDate lastKey() {
        for (int k = to - 1; k >= from; k--) {
            if (slots[k] != null) {
                return day(k);
            }
        }
        throw new NoSuchElementException();
    }

    /** The slot of {@code day} kept inside this view's range. */
    private int clamp(LocalDate day) {
        long slot = day.toEpochDay() - first;
        return (int) Math.max(from, Math.min(to, slot));
    }

    /** The first slot from {@code k} on that holds a day, or {@link #to}. */
    private int filled(int k) {
        while (k < to && slots[k] == null) {
            k++;
        }
        return k;
    }

    private LocalDate day(int slot) {
        return LocalDate.ofEpochDay(first + slot);
    }
}
