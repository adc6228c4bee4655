package dev.upbeat.user;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed sign-ins per key (a client address, an email) in a fixed window, in memory. Only
 * failures count, so a team behind one address signing in all day is never locked out, while a
 * guesser gets {@code limit} tries per window. Each instance counts on its own.
 */
public final class FailedAttempts {
    private static final int PRUNE_ABOVE = 10_000;

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    private record Window(Instant start, int failures) {
    }

    public FailedAttempts(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** How long the key must wait before trying again, if it has used up its tries. */
    public Optional<Duration> blocked(String key) {
        Instant now = clock.instant();
        Window w = windows.get(key);
        if (w == null || !w.start().plus(window).isAfter(now) || w.failures() < limit) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, w.start().plus(window)));
    }

    public void failed(String key) {
        Instant now = clock.instant();
        if (windows.size() > PRUNE_ABOVE) {
            windows.values().removeIf(w -> !w.start().plus(window).isAfter(now));
        }
        windows.compute(key, (k, old) -> old == null || !old.start().plus(window).isAfter(now)
                ? new Window(now, 1) : new Window(old.start(), old.failures() + 1));
    }
}
