package dev.upbeat.simulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One simulation run, live or ended: the faults, where it came from ({@code api},
 * {@code schedule} or {@code drill}), when it started and is due to end, when and why it ended
 * ({@code expired}, {@code stopped}, {@code aborted}, {@code interrupted} by a crash, or
 * {@code target_deleted}), the requests seen and the faults injected by type.
 */
public record Run(long id, String target, List<Fault> faults, String origin, Long scheduleId, Instant startedAt,
                  Instant endsAt, Instant endedAt, String endReason, long requests, Map<String, Long> injected) {

    public boolean live() {
        return endedAt == null;
    }
}
