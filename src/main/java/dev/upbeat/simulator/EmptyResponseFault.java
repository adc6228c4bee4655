package dev.upbeat.simulator;


/** {@code empty_response}: closes the connection without sending a byte. */
public record EmptyResponseFault(Double percentage, Match match) implements Fault {
    public EmptyResponseFault {
        percentage = FaultChecks.percentageOrAll(percentage);
        match = FaultChecks.matchOrAny(match);
    }
}
