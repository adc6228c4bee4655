package dev.upbeat.simulator;

/** {@code truncate}: sends the headers and the first {@code after_bytes} bytes of the body, then closes. */
public record TruncateFault(Double percentage, Match match, Long afterBytes) implements Fault {
    public TruncateFault {
        percentage = FaultChecks.percentageOrAll(percentage);
        match = FaultChecks.matchOrAny(match);
    }

    /** Every body cut after {@code bytes}. */
    public static TruncateFault after(long bytes) {
        return new TruncateFault(null, null, bytes);
    }

    /** The same fault applied to {@code percentage} of matching requests. */
    public TruncateFault withPercentage(double percentage) {
        return new TruncateFault(percentage, match, afterBytes);
    }

    /** The same fault applied only to requests that pass {@code match}. */
    public TruncateFault withMatch(Match match) {
        return new TruncateFault(percentage, match, afterBytes);
    }

    @Override
    public void validate(String prefix) {
        Fault.super.validate(prefix);
        if (afterBytes == null || afterBytes < 0) {
            throw dev.upbeat.problem.Problem.invalid(prefix + ".after_bytes",
                    prefix + ".after_bytes is required and must be 0 or more; got " + afterBytes);
        }
    }
}
