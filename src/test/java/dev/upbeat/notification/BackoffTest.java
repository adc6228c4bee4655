package dev.upbeat.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(10));

    @Test
    void each_retry_waits_about_twice_as_long_within_the_upper_half_and_never_beyond_the_cap() {
        Random random = new Random(42);
        for (int attempt = 1; attempt <= 12; attempt++) {
            long full = Math.min(600_000, 30_000L << (attempt - 1));
            for (int k = 0; k < 200; k++) {
                assertThat(backoff.after(attempt, random).toMillis()).as("attempt " + attempt).isBetween(full / 2, full);
            }
        }
    }

    @Test
    void jitter_spreads_deliveries_that_failed_together() {
        Random random = new Random(7);
        long distinct = java.util.stream.IntStream.range(0, 100).mapToLong(i -> backoff.after(3, random).toMillis()).distinct().count();
        assertThat(distinct).isGreaterThan(90);
    }
}
