package dev.upbeat.simulator;


/** {@code reset}: closes the connection with a TCP reset (SO_LINGER 0) before answering anything. */
public record ResetFault(Double percentage, Match match) implements Fault {
    public ResetFault {
        percentage = FaultChecks.percentageOrAll(percentage);
        match = FaultChecks.matchOrAny(match);
    }
}
