package dev.upbeat.simulator;

import dev.upbeat.simulator.tcp.Toxic;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One simulation run, live or ended: the faults, where it came from ({@code api},
 * {@code schedule} or {@code drill}), when it started and is due to end, when and why it ended
 * ({@code expired}, {@code stopped}, {@code aborted}, {@code interrupted} by a crash, or
 * {@code target_deleted}), the requests seen and the faults injected by type. A run on a {@code tcp}
 * target has {@code toxics} instead of faults, counts connections as requests and toxics as injections. Build one by name
 * with {@link #builder()}, or change one with {@link #toBuilder()}: four of its instants sit side by side.
 */
public record Run(long id, String target, List<Fault> faults, List<Toxic> toxics, String origin, Long scheduleId,
                  Instant startedAt, Instant endsAt, Instant endedAt, String endReason, long requests, Map<String, Long> injected) {

    public boolean live() {
        return endedAt == null;
    }

    /** A live run with no faults, no requests and nothing injected; everything else is null or zero until set. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding every field of this run, to change a few. */
    public Builder toBuilder() {
        return new Builder().id(id).target(target).faults(faults).toxics(toxics).origin(origin).scheduleId(scheduleId)
                .startedAt(startedAt).endsAt(endsAt).endedAt(endedAt).endReason(endReason).requests(requests)
                .injected(injected);
    }

    public static final class Builder {
        private long id;
        private String target;
        private List<Fault> faults = List.of();
        private List<Toxic> toxics = List.of();
        private String origin;
        private Long scheduleId;
        private Instant startedAt;
        private Instant endsAt;
        private Instant endedAt;
        private String endReason;
        private long requests;
        private Map<String, Long> injected = Map.of();

        private Builder() {
        }

        public Builder id(long id) { this.id = id; return this; }
        public Builder target(String target) { this.target = target; return this; }
        public Builder faults(List<Fault> faults) { this.faults = faults; return this; }
        public Builder toxics(List<Toxic> toxics) { this.toxics = toxics; return this; }
        public Builder origin(String origin) { this.origin = origin; return this; }
        public Builder scheduleId(Long scheduleId) { this.scheduleId = scheduleId; return this; }
        public Builder startedAt(Instant startedAt) { this.startedAt = startedAt; return this; }
        public Builder endsAt(Instant endsAt) { this.endsAt = endsAt; return this; }
        public Builder endedAt(Instant endedAt) { this.endedAt = endedAt; return this; }
        public Builder endReason(String endReason) { this.endReason = endReason; return this; }
        public Builder requests(long requests) { this.requests = requests; return this; }
        public Builder injected(Map<String, Long> injected) { this.injected = injected; return this; }

        public Run build() {
            return new Run(id, target, faults, toxics, origin, scheduleId, startedAt, endsAt, endedAt, endReason, requests,
                    injected);
        }
    }
}
