package dev.upbeat.simulator;


/** {@code malformed_response}: sends a status line, then garbage that is not HTTP, then closes. */
public record MalformedResponseFault(Double percentage, Match match) implements Fault {
    public MalformedResponseFault {
        percentage = FaultChecks.percentageOrAll(percentage);
        match = FaultChecks.matchOrAny(match);
    }
}
