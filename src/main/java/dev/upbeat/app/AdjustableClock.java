package dev.upbeat.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that normally tells real time but can be set to another instant: the sample data
 * lives its 90 days through it, and tests move it instead of sleeping.
 */
public final class AdjustableClock extends Clock {
    private final Clock base;
    private volatile Duration offset = Duration.ZERO;

    public AdjustableClock(Clock base) {
        this.base = base;
    }

    public static AdjustableClock system() {
        return new AdjustableClock(Clock.systemUTC());
    }

    public void set(Instant instant) {
        offset = Duration.between(base.instant(), instant);
    }

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("Upbeat keeps instants in UTC; convert at display time");
    }
}
