package dev.upbeat.simulator;

/** {@code malformed_response}: sends a status line, then garbage that is not HTTP, then closes. */
public record MalformedResponseFault(Double percentage, Match match) implements Fault {
    public MalformedResponseFault {
        percentage = FaultChecks.percentageOrAll(percentage);
        match = FaultChecks.matchOrAny(match);
    }

    /** The fault on every request. */
    public static MalformedResponseFault always() {
        return new MalformedResponseFault(null, null);
    }

    /** The same fault applied to {@code percentage} of matching requests. */
    public MalformedResponseFault withPercentage(double percentage) {
        return new MalformedResponseFault(percentage, match);
    }

    /** The same fault applied only to requests that pass {@code match}. */
    public MalformedResponseFault withMatch(Match match) {
        return new MalformedResponseFault(percentage, match);
    }
}
