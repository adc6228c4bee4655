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

    public static MaintenanceFault always() {
        return new MaintenanceFault(null, null, null, null, null);
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
