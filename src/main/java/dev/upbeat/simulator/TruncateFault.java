package dev.upbeat.simulator;


/** {@code truncate}: sends the headers and the first {@code after_bytes} bytes of the body, then closes. */
public record TruncateFault(Double percentage, Match match, Long afterBytes) implements Fault {
    public TruncateFault {
        percentage = FaultChecks.percentageOrAll(percentage);
        match = FaultChecks.matchOrAny(match);
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
