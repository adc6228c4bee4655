package dev.upbeat.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upbeat.incident.Incident;
import dev.upbeat.incident.IncidentStatus;
import dev.upbeat.incident.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A history with changes put in is the history made from everything at once: the same lists in
 * the same order, the same open ones and the same last change, whatever changed (new incidents
 * and windows, ones closed or opened again, a last change moved back by a clock behind).
 */
class IncidentHistoryTest {
    private static final IncidentStatus[] INCIDENT = {IncidentStatus.INVESTIGATING, IncidentStatus.MONITORING,
            IncidentStatus.RESOLVED, IncidentStatus.POSTMORTEM};
    private static final IncidentStatus[] WINDOW = {IncidentStatus.SCHEDULED, IncidentStatus.IN_PROGRESS,
            IncidentStatus.VERIFYING, IncidentStatus.COMPLETED, IncidentStatus.CANCELLED};

    @Test
    void changes_put_in_give_the_history_made_from_everything() {
        Random random = new Random(18);
        for (int round = 0; round < 300; round++) {
            Map<Long, Incident> all = new LinkedHashMap<>();
            for (int k = 0; k < random.nextInt(40); k++) {
                Incident i = random(random, k + 1);
                all.put(i.id(), i);
            }
            IncidentHistory history = IncidentHistory.of(List.copyOf(all.values()));
            for (int step = 0; step < 5; step++) {
                List<Incident> changed = new ArrayList<>();
                for (int c = 0; c < 1 + random.nextInt(3); c++) {
                    long id = all.isEmpty() || random.nextInt(3) == 0 ? all.size() + 1 + c : 1 + random.nextInt(all.size());
                    Incident old = all.get(id);
                    Incident i = old == null ? random(random, id) : changedFrom(random, old);
                    changed.removeIf(x -> x.id() == id);
                    changed.add(i);
                }
                changed.forEach(i -> all.put(i.id(), i));
                history = history.with(changed);
                assertThat(history).isEqualTo(IncidentHistory.of(List.copyOf(all.values())));
            }
        }
    }

    @Test
    void the_last_change_moved_back_is_found_again() {
        Instant t = TestSnapshots.NOW;
        Incident a = TestSnapshots.incident(1, "A", t, t.plusSeconds(60));
        Incident b = TestSnapshots.incident(2, "B", t.plusSeconds(1), t.plusSeconds(30));
        IncidentHistory history = IncidentHistory.of(List.of(a, b));
        assertThat(history.lastChange()).isEqualTo(t.plusSeconds(60));
        IncidentHistory after = history.with(List.of(a.toBuilder().updatedAt(t.plusSeconds(10)).build()));
        assertThat(after.lastChange()).isEqualTo(t.plusSeconds(30));
        assertThat(IncidentHistory.EMPTY.with(List.of()).lastChange()).isNull();
    }

    private static Incident random(Random random, long id) {
        Instant at = TestSnapshots.NOW.minus(Duration.ofHours(random.nextInt(2000)));
        if (random.nextBoolean()) {
            return TestSnapshots.incident(id, "Incident " + id, at, at.plusSeconds(random.nextInt(5000)))
                    .toBuilder().status(INCIDENT[random.nextInt(INCIDENT.length)]).build();
        }
        // Windows alike in their start, to exercise the order's tie-breaks.
        Instant from = TestSnapshots.NOW.plus(Duration.ofHours(random.nextInt(10) - 5));
        return TestSnapshots.maintenance(id, "Window " + id, at, from, from.plusSeconds(3600))
                .toBuilder().status(WINDOW[random.nextInt(WINDOW.length)]).updatedAt(at.plusSeconds(random.nextInt(5000))).build();
    }

    /** The same incident or window in another status, updated later or, now and then, earlier. */
    private static Incident changedFrom(Random random, Incident old) {
        IncidentStatus[] statuses = old.kind() == Kind.INCIDENT ? INCIDENT : WINDOW;
        return old.toBuilder().status(statuses[random.nextInt(statuses.length)])
                .updatedAt(old.updatedAt().plusSeconds(random.nextInt(4000) - 500)).build();
    }
}
