package dev.upbeat.simulator;

/** {@code reset}: closes the connection with a TCP reset (SO_LINGER 0) before answering anything. */
public record ResetFault(Double percentage, Match match) implements Fault {
    public ResetFault {
        percentage = FaultChecks.percentageOrAll(percentage);
        match = FaultChecks.matchOrAny(match);
    }

    /** The fault on every request. */
    public static ResetFault always() {
        return new ResetFault(null, null);
    }

    /** The same fault applied to {@code percentage} of matching requests. */
    public ResetFault withPercentage(double percentage) {
        return new ResetFault(percentage, match);
    }

    /** The same fault applied only to requests that pass {@code match}. */
    public ResetFault withMatch(Match match) {
        return new ResetFault(percentage, match);
    }
}
