package dev.upbeat.simulator;

/** {@code empty_response}: closes the connection without sending a byte. */
public record EmptyResponseFault(Double percentage, Match match) implements Fault {
    public EmptyResponseFault {
        percentage = FaultChecks.percentageOrAll(percentage);
        match = FaultChecks.matchOrAny(match);
    }

    /** The fault on every request. */
    public static EmptyResponseFault always() {
        return new EmptyResponseFault(null, null);
    }

    /** The same fault applied to {@code percentage} of matching requests. */
    public EmptyResponseFault withPercentage(double percentage) {
        return new EmptyResponseFault(percentage, match);
    }

    /** The same fault applied only to requests that pass {@code match}. */
    public EmptyResponseFault withMatch(Match match) {
        return new EmptyResponseFault(percentage, match);
    }
}
