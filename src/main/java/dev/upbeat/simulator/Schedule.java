package dev.upbeat.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * A simulation that starts by itself at each time {@code cron} names in {@code timeZone} and
 * lasts {@code duration}. It never overlaps itself: an occurrence that falls while the target
 * already has a live simulation is skipped.
 */
public record Schedule(long id, String target, Cron cron, ZoneId timeZone, Duration duration, List<Fault> faults,
                       Instant nextAt, Instant createdAt) {
}
