package dev.upbeat.uptime;

import java.time.LocalDate;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Daily totals as a read-only sorted map of two layers: the past days, shared from one snapshot to
 * the next, and the few days still being counted (today, and any day a span still open reaches),
 * whose totals replace the shared ones. A summary so takes thirteen months of days without copying
 * them; only the top layer is made anew. Neither layer is ever changed once handed over.
 */
public final class LayeredDays extends AbstractMap<LocalDate, DayTotals> implements SortedMap<LocalDate, DayTotals> {
    private final SortedMap<LocalDate, DayTotals> shared;
    private final SortedMap<LocalDate, DayTotals> top;

    private LayeredDays(SortedMap<LocalDate, DayTotals> shared, SortedMap<LocalDate, DayTotals> top) {
        this.shared = shared;
        this.top = top;
    }

    /** {@code shared} with {@code added} summed into its days: the sums are worked out once, here. */
    public static SortedMap<LocalDate, DayTotals> of(SortedMap<LocalDate, DayTotals> shared,
                                                     SortedMap<LocalDate, DayTotals> added) {
        if (added.isEmpty()) {
            return shared;
        }
        SortedMap<LocalDate, DayTotals> top = new TreeMap<>();
        added.forEach((day, totals) -> {
            DayTotals under = shared.get(day);
            top.put(day, under == null ? totals : under.plus(totals));
        });
        return new LayeredDays(shared, top);
    }

    @Override
    public DayTotals get(Object day) {
        DayTotals t = top.get(day);
        return t != null ? t : shared.get(day);
    }

    @Override
    public boolean containsKey(Object day) {
        return top.containsKey(day) || shared.containsKey(day);
    }

    @Override
    public Set<Entry<LocalDate, DayTotals>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<LocalDate, DayTotals>> iterator() {
                return new Merged(shared.entrySet().iterator(), top.entrySet().iterator());
            }

            @Override
            public int size() {
                return shared.size() + (int) top.keySet().stream().filter(day -> !shared.containsKey(day)).count();
            }
        };
    }

    @Override
    public Comparator<? super LocalDate> comparator() {
        return null;
    }

    @Override
    public SortedMap<LocalDate, DayTotals> subMap(LocalDate from, LocalDate toExclusive) {
        return new LayeredDays(shared.subMap(from, toExclusive), top.subMap(from, toExclusive));
    }

    @Override
    public SortedMap<LocalDate, DayTotals> headMap(LocalDate toExclusive) {
        return new LayeredDays(shared.headMap(toExclusive), top.headMap(toExclusive));
    }

    @Override
    public SortedMap<LocalDate, DayTotals> tailMap(LocalDate from) {
        return new LayeredDays(shared.tailMap(from), top.tailMap(from));
    }

    @Override
    public LocalDate firstKey() {
        return edge(true);
    }

    @Override
    public LocalDate lastKey() {
        return edge(false);
    }

    private LocalDate edge(boolean first) {
        if (shared.isEmpty() && top.isEmpty()) {
            throw new NoSuchElementException();
        }
        if (shared.isEmpty() || top.isEmpty()) {
            SortedMap<LocalDate, DayTotals> only = shared.isEmpty() ? top : shared;
            return first ? only.firstKey() : only.lastKey();
        }
        LocalDate a = first ? shared.firstKey() : shared.lastKey();
        LocalDate b = first ? top.firstKey() : top.lastKey();
        return (a.isBefore(b)) == first ? a : b;
    }

    /** Both layers' entries in day order, the top one where both hold a day. */
    private static final class Merged implements Iterator<Entry<LocalDate, DayTotals>> {
        private final Iterator<Entry<LocalDate, DayTotals>> lower;
        private final Iterator<Entry<LocalDate, DayTotals>> upper;
        private Entry<LocalDate, DayTotals> nextLower;
        private Entry<LocalDate, DayTotals> nextUpper;

        Merged(Iterator<Entry<LocalDate, DayTotals>> lower, Iterator<Entry<LocalDate, DayTotals>> upper) {
            this.lower = lower;
            this.upper = upper;
            nextLower = lower.hasNext() ? lower.next() : null;
            nextUpper = upper.hasNext() ? upper.next() : null;
        }

        @Override
        public boolean hasNext() {
            return nextLower != null || nextUpper != null;
        }

        @Override
        public Entry<LocalDate, DayTotals> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            int order = nextLower == null ? 1 : nextUpper == null ? -1 : nextLower.getKey().compareTo(nextUpper.getKey());
            Entry<LocalDate, DayTotals> out = order < 0 ? nextLower : nextUpper;
            if (order <= 0) {
                nextLower = lower.hasNext() ? lower.next() : null;
            }
            if (order >= 0) {
                nextUpper = upper.hasNext() ? upper.next() : null;
            }
            return Map.entry(Objects.requireNonNull(out).getKey(), out.getValue());
        }
    }
}
