package dev.upbeat.uptime;

import static dev.upbeat.component.ComponentStatus.MAJOR_OUTAGE;
import static dev.upbeat.component.ComponentStatus.OPERATIONAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Two layers of days read as the one map that summing the upper into a copy of the lower would
 * give, the lower a tree or {@link DenseDays}; and dense days read as the tree they are made of.
 */
class LayeredDaysTest {
    private static final LocalDate START = LocalDate.parse("2025-01-01");

    @Test
    void reads_as_the_summed_copy_whole_and_in_every_part() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            SortedMap<LocalDate, DayTotals> shared = days(random, 1 + random.nextInt(3));
            SortedMap<LocalDate, DayTotals> added = days(random, 1 + random.nextInt(30));
            SortedMap<LocalDate, DayTotals> copy = new TreeMap<>(shared);
            added.forEach((day, t) -> copy.merge(day, t, DayTotals::plus));

            sameInEveryPart(LayeredDays.of(shared, added), copy, random);
            sameInEveryPart(LayeredDays.of(DenseDays.of(shared), added), copy, random);
        }
    }

    @Test
    void dense_days_read_as_the_map_they_are_made_of_whole_and_in_every_part() {
        Random random = new Random(11);
        for (int round = 0; round < 200; round++) {
            SortedMap<LocalDate, DayTotals> tree = days(random, 1 + random.nextInt(30));
            SortedMap<LocalDate, DayTotals> dense = DenseDays.of(tree);
            sameInEveryPart(dense, tree, random);
            assertThat(DenseDays.of(dense)).isSameAs(dense);
        }
        SortedMap<LocalDate, DayTotals> none = DenseDays.of(new TreeMap<>());
        sameInEveryPart(none, new TreeMap<>(), random);
        assertThatThrownBy(none::firstKey).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> DenseDays.of(days(random, 3)).headMap(START).lastKey()).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> DenseDays.of(days(random, 3)).put(START, DayTotals.empty(START)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    /** {@code map} and its views of random ranges (inside its days and beyond them) read as {@code copy}'s. */
    private static void sameInEveryPart(SortedMap<LocalDate, DayTotals> map, SortedMap<LocalDate, DayTotals> copy, Random random) {
        same(map, copy);
        LocalDate a = START.plusDays(random.nextInt(130) - 10);
        LocalDate b = a.plusDays(random.nextInt(40));
        same(map.subMap(a, b), copy.subMap(a, b));
        same(map.headMap(b), copy.headMap(b));
        same(map.tailMap(a), copy.tailMap(a));
        same(map.tailMap(a).headMap(b), copy.subMap(a, b));
    }

    @Test
    void shares_the_lower_layer_when_nothing_is_added_and_is_never_changed() {
        SortedMap<LocalDate, DayTotals> shared = days(new Random(1), 2);
        assertThat(LayeredDays.of(shared, new TreeMap<>())).isSameAs(shared);
        SortedMap<LocalDate, DayTotals> layered = LayeredDays.of(shared, days(new Random(2), 2));
        assertThatThrownBy(() -> layered.put(START, DayTotals.empty(START))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> LayeredDays.of(new TreeMap<>(), new TreeMap<>(Map.of(START, DayTotals.empty(START))))
                .headMap(START).firstKey()).isInstanceOf(NoSuchElementException.class);
    }

    private static void same(SortedMap<LocalDate, DayTotals> layered, SortedMap<LocalDate, DayTotals> copy) {
        assertThat(layered).isEqualTo(copy);
        assertThat(copy).isEqualTo(layered);
        assertThat(layered.hashCode()).isEqualTo(copy.hashCode());
        assertThat(layered.size()).isEqualTo(copy.size());
        assertThat(new ArrayList<>(layered.entrySet())).isEqualTo(new ArrayList<>(copy.entrySet()));
        assertThat(new ArrayList<>(layered.keySet())).isEqualTo(new ArrayList<>(copy.keySet()));
        if (!copy.isEmpty()) {
            assertThat(layered.firstKey()).isEqualTo(copy.firstKey());
            assertThat(layered.lastKey()).isEqualTo(copy.lastKey());
        }
        for (int d = -20; d < 140; d++) {
            LocalDate day = START.plusDays(d);
            assertThat(layered.get(day)).isEqualTo(copy.get(day));
            assertThat(layered.containsKey(day)).isEqualTo(copy.containsKey(day));
        }
    }

    /** Days in the first 100 from START, about one in {@code every}, each with some operational and major seconds. */
    private static SortedMap<LocalDate, DayTotals> days(Random random, int every) {
        SortedMap<LocalDate, DayTotals> days = new TreeMap<>();
        List<Integer> offsets = random.ints(100 / every, 0, 100).boxed().toList();
        for (int offset : offsets) {
            LocalDate day = START.plusDays(offset);
            days.put(day, DayTotals.empty(day).plus(OPERATIONAL, random.nextInt(80_000)).plus(MAJOR_OUTAGE, random.nextInt(600)));
        }
        return days;
    }
}
