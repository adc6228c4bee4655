package dev.upbeat.simulator;

import java.util.Map;

/**
 * {@code status}: answers {@code status} (required, 200 to 599) with {@code body} (default empty)
 * and {@code headers}; e.g. 429 with Retry-After, 500, 502, 504.
 */
public record StatusFault(Double percentage, Match match, Integer status, String body, Map<String, String> headers)
        implements Fault {
    public StatusFault {
        percentage = FaultChecks.percentageOrAll(percentage);
        match = FaultChecks.matchOrAny(match);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    @Override
    public void validate(String prefix) {
        Fault.super.validate(prefix);
        if (status == null) {
            throw dev.upbeat.problem.Problem.invalid(prefix + ".status", prefix + ".status is required, e.g. 500");
        }
        FaultChecks.status(prefix + ".status", status);
        CannedResponse.checkHeaders(prefix + ".headers", headers);
    }
}
