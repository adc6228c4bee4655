package dev.upbeat.simulator;

import dev.upbeat.problem.Problem;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A complete answer the proxy makes up instead of asking the upstream: status, headers, body bytes. */
public record CannedResponse(int status, Map<String, String> headers, byte[] body) {
    /** The body of heroku/api-maintenance-sim, byte for byte: note the spaces inside the braces. */
    public static final String HEROKU_BODY = "{ \"id\": \"maintenance\", \"message\": \"Heroku API is temporarily unavailable.\\n"
            + "For more information, visit: https://status.heroku.com\" }";

    /** Exactly what api-maintenance-sim answers to every request. */
    public static CannedResponse herokuMaintenance() {
        return new CannedResponse(503, Map.of("Content-Type", "application/json"), HEROKU_BODY.getBytes(StandardCharsets.UTF_8));
    }

    /** The maintenance answer of a target: the same shape, naming the target and linking to the status page. */
    public static CannedResponse maintenance(String target, String statusPageUrl, MaintenanceFault fault) {
        String body = fault.body() != null ? fault.body()
                : "{ \"id\": \"maintenance\", \"message\": \"" + jsonEscape(target) + " is temporarily unavailable.\\n"
                + "For more information, visit: " + jsonEscape(statusPageUrl) + "\" }";
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        if (fault.retryAfter() != null) {
            headers.put("Retry-After", Long.toString(fault.retryAfter()));
        }
        headers.putAll(fault.headers());
        return new CannedResponse(503, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    public static CannedResponse status(StatusFault fault) {
        byte[] body = fault.body() == null ? new byte[0] : fault.body().getBytes(StandardCharsets.UTF_8);
        return new CannedResponse(fault.status(), fault.headers(), body);
    }

    static void checkHeaders(String field, Map<String, String> headers) {
        headers.forEach((name, value) -> {
            if (!name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+") || value == null || value.contains("\r") || value.contains("\n")) {
                throw Problem.invalid(field, field + " must map header names to single-line values; got '" + name + "'");
            }
        });
    }

    private static String jsonEscape(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
