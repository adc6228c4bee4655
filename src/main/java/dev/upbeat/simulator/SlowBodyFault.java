package dev.upbeat.simulator;

/** {@code slow_body}: answers normally but delivers the body at {@code bytes_per_second}. */
public record SlowBodyFault(Double percentage, Match match, Long bytesPerSecond) implements Fault {
    public SlowBodyFault {
        percentage = FaultChecks.percentageOrAll(percentage);
        match = FaultChecks.matchOrAny(match);
    }

    /** Every body delivered at {@code bytesPerSecond}. */
    public static SlowBodyFault at(long bytesPerSecond) {
        return new SlowBodyFault(null, null, bytesPerSecond);
    }

    /** The same fault applied to {@code percentage} of matching requests. */
    public SlowBodyFault withPercentage(double percentage) {
        return new SlowBodyFault(percentage, match, bytesPerSecond);
    }

    /** The same fault applied only to requests that pass {@code match}. */
    public SlowBodyFault withMatch(Match match) {
        return new SlowBodyFault(percentage, match, bytesPerSecond);
    }

    @Override
    public void validate(String prefix) {
        Fault.super.validate(prefix);
        if (bytesPerSecond == null) {
            throw dev.upbeat.problem.Problem.invalid(prefix + ".bytes_per_second", prefix + ".bytes_per_second is required");
        }
        FaultChecks.positive(prefix + ".bytes_per_second", bytesPerSecond);
    }
}
