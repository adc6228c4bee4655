package dev.upbeat.subscription;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code limit} attempts per key (a client address) per fixed window, in memory. Each
 * instance counts on its own, so N instances allow up to N times the limit: enough to stop a
 * script from one address signing up the world, without a shared store.
 */
public final class RateLimit {
    private static final int PRUNE_ABOVE = 10_000;

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    private record Window(Instant start, int count) {
    }

    public RateLimit(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** Counts an attempt; empty if allowed, else how long until the key may try again. */
    public java.util.Optional<Duration> attempt(String key) {
        Instant now = clock.instant();
        if (windows.size() > PRUNE_ABOVE) {
            windows.values().removeIf(w -> !w.start().plus(window).isAfter(now));
        }
        Window w = windows.compute(key, (k, old) -> old == null || !old.start().plus(window).isAfter(now)
                ? new Window(now, 1) : new Window(old.start(), old.count() + 1));
        if (w.count() <= limit) {
            return java.util.Optional.empty();
        }
        Duration wait = Duration.between(now, w.start().plus(window));
        return java.util.Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    }
}
