package dev.upbeat.notification;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * When to try a failed delivery again: {@code base × 2^(attempt-1)}, capped at {@code max}, then
 * a random point in its upper half, so a thousand deliveries failing together (SMTP down) do not
 * all come back in the same second.
 */
public record Backoff(Duration base, Duration max) {

    public Duration after(int attempt, RandomGenerator random) {
        int doublings = Math.max(0, Math.min(attempt - 1, 30));
        long capped = Math.min(max.toMillis(), base.toMillis() * (1L << doublings));
        long half = capped / 2;
        return Duration.ofMillis(half + (half > 0 ? random.nextLong(half + 1) : 0) + (capped % 2));
    }
}
