package dev.upbeat.simulator;

import dev.upbeat.simulator.tcp.Toxic;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * A simulation that starts by itself at each time {@code cron} names in {@code timeZone} and
 * lasts {@code duration}. It never overlaps itself: an occurrence that falls while the target
 * already has a live simulation is skipped. On a {@code tcp} target it carries toxics instead of
 * faults. Build one by name with {@link #builder()}.
 */
public record Schedule(long id, String target, Cron cron, ZoneId timeZone, Duration duration, List<Fault> faults,
                       List<Toxic> toxics, Instant nextAt, Instant createdAt) {

    /** A builder with no faults; everything else is null or zero until set. */
    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private long id;
        private String target;
        private Cron cron;
        private ZoneId timeZone;
        private Duration duration;
        private List<Fault> faults = List.of();
        private List<Toxic> toxics = List.of();
        private Instant nextAt;
        private Instant createdAt;

        private Builder() {
        }

        public Builder id(long id) { this.id = id; return this; }
        public Builder target(String target) { this.target = target; return this; }
        public Builder cron(Cron cron) { this.cron = cron; return this; }
        public Builder timeZone(ZoneId timeZone) { this.timeZone = timeZone; return this; }
        public Builder duration(Duration duration) { this.duration = duration; return this; }
        public Builder faults(List<Fault> faults) { this.faults = faults; return this; }
        public Builder toxics(List<Toxic> toxics) { this.toxics = toxics; return this; }
        public Builder nextAt(Instant nextAt) { this.nextAt = nextAt; return this; }
        public Builder createdAt(Instant createdAt) { this.createdAt = createdAt; return this; }

        public Schedule build() {
            return new Schedule(id, target, cron, timeZone, duration, faults, toxics, nextAt, createdAt);
        }
    }
}
