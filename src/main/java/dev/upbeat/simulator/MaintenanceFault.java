package dev.upbeat.simulator;

import dev.upbeat.problem.Problem;
import java.util.Map;

/**
 * {@code maintenance}: 503 with {@code Content-Type: application/json} and, unless {@code body}
 * is given, the api-maintenance-sim body with the message naming the target and linking to this
 * status page. {@code headers} are added; {@code retry_after} (seconds) sets Retry-After.
 */
public record MaintenanceFault(Double percentage, Match match, String body, Map<String, String> headers, Long retryAfter)
        implements Fault {
    public MaintenanceFault {
        percentage = FaultChecks.percentageOrAll(percentage);
        match = FaultChecks.matchOrAny(match);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** Every request answered with the default maintenance body. */
    public static MaintenanceFault always() {
        return new MaintenanceFault(null, null, null, null, null);
    }

    public MaintenanceFault withBody(String body) {
        return new MaintenanceFault(percentage, match, body, headers, retryAfter);
    }

    public MaintenanceFault withHeaders(Map<String, String> headers) {
        return new MaintenanceFault(percentage, match, body, headers, retryAfter);
    }

    public MaintenanceFault withRetryAfter(long seconds) {
        return new MaintenanceFault(percentage, match, body, headers, seconds);
    }

    /** The same fault applied to {@code percentage} of matching requests. */
    public MaintenanceFault withPercentage(double percentage) {
        return new MaintenanceFault(percentage, match, body, headers, retryAfter);
    }

    /** The same fault applied only to requests that pass {@code match}. */
    public MaintenanceFault withMatch(Match match) {
        return new MaintenanceFault(percentage, match, body, headers, retryAfter);
    }

    @Override
    public void validate(String prefix) {
        Fault.super.validate(prefix);
        if (retryAfter != null && retryAfter < 0) {
            throw Problem.invalid(prefix + ".retry_after", prefix + ".retry_after must be 0 or more seconds; got " + retryAfter);
        }
        CannedResponse.checkHeaders(prefix + ".headers", headers);
    }
}
