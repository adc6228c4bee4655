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

    /** Every request answered {@code status} with an empty body. */
    public static StatusFault of(int status) {
        return new StatusFault(null, null, status, null, null);
    }

    public StatusFault withBody(String body) {
        return new StatusFault(percentage, match, status, body, headers);
    }

    public StatusFault withHeaders(Map<String, String> headers) {
        return new StatusFault(percentage, match, status, body, headers);
    }

    /** The same fault applied to {@code percentage} of matching requests. */
    public StatusFault withPercentage(double percentage) {
        return new StatusFault(percentage, match, status, body, headers);
    }

    /** The same fault applied only to requests that pass {@code match}. */
    public StatusFault withMatch(Match match) {
        return new StatusFault(percentage, match, status, body, headers);
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
