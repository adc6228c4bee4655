package dev.upbeat.simulator;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Duration;

/** {@code timeout}: accepts the request and never answers; the connection is closed after {@code max} (default 5 minutes) unless the client gave up first. */
public record TimeoutFault(Double percentage, Match match, @JsonFormat(shape = JsonFormat.Shape.STRING) Duration max) implements Fault {
    static final Duration DEFAULT_MAX = Duration.ofMinutes(5);

    public TimeoutFault {
        percentage = FaultChecks.percentageOrAll(percentage);
        match = FaultChecks.matchOrAny(match);
        max = max == null ? DEFAULT_MAX : max;
    }

    /** Every request left unanswered, its connection closed after the default of five minutes. */
    public static TimeoutFault always() {
        return new TimeoutFault(null, null, null);
    }

    /** The same, closing the connection after {@code max}. */
    public TimeoutFault closingAfter(Duration max) {
        return new TimeoutFault(percentage, match, max);
    }

    /** The same fault applied to {@code percentage} of matching requests. */
    public TimeoutFault withPercentage(double percentage) {
        return new TimeoutFault(percentage, match, max);
    }

    /** The same fault applied only to requests that pass {@code match}. */
    public TimeoutFault withMatch(Match match) {
        return new TimeoutFault(percentage, match, max);
    }

    @Override
    public void validate(String prefix) {
        Fault.super.validate(prefix);
        FaultChecks.duration(prefix + ".max", max, Duration.ofHours(1));
    }
}
