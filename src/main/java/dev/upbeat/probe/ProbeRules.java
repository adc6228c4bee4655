package dev.upbeat.probe;

import dev.upbeat.problem.Check;
import dev.upbeat.problem.Problem;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a {@link ProbeDraft}, over the probe it changes (null when creating), and refuses bad
 * values naming the field. The component's existence is the service's to check.
 */
final class ProbeRules {
    static final int MAX_NAME = 100;
    static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
    static final Duration MAX_INTERVAL = Duration.ofDays(1);
    static final Duration MAX_TIMEOUT = Duration.ofMinutes(1);
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    /** The checked definition: everything but identity and running state. */
    record Checked(String name, CheckSpec check, Duration interval, String componentId, IncidentPolicy policy) {
    }

    private ProbeRules() {
    }

    static Checked check(ProbeDraft d, Probe old) {
        String name = d.name() == null && old != null ? old.name() : Check.text("name", d.name(), MAX_NAME);
        CheckSpec base = old == null ? null : old.check();
        URI url = d.url() == null && base != null ? base.url() : url(d.url());
        Duration interval = duration("interval", d.interval(), old == null ? Duration.ofSeconds(60) : old.interval());
        Duration timeout = duration("timeout", d.timeout(), base == null ? Duration.ofSeconds(10) : base.timeout());
        within("interval", interval, MIN_INTERVAL, MAX_INTERVAL);
        within("timeout", timeout, Duration.ofMillis(100), MAX_TIMEOUT);
        if (timeout.compareTo(interval) > 0) {
            throw Problem.invalid("timeout", "timeout must not be longer than interval (" + interval + "); got " + timeout);
        }
        CheckSpec spec = CheckSpec.builder().url(url)
                .method(method(pick(d.method(), base == null ? null : base.method())))
                .headers(ProbeHeaders.check(pick(d.headers(), base == null ? Map.of() : base.headers())))
                .expectedStatus(statuses(pick(d.expectedStatus(), base == null ? List.of() : base.expectedStatus())))
                .bodyContains(pick(d.bodyContains(), base == null ? null : base.bodyContains()))
                .jsonPath(pick(d.jsonPath(), base == null ? null : base.jsonPath()))
                .jsonEquals(pick(d.jsonEquals(), base == null ? null : base.jsonEquals()))
                .maxLatency(d.maxLatency() == null ? (base == null ? null : base.maxLatency()) : maxLatency(d.maxLatency()))
                .minCertDays(positive("min_cert_days", pick(d.minCertDays(), base == null ? null : base.minCertDays())))
                .timeout(timeout).build();
        httpOnly(spec);
        String component = d.component() == null && old != null ? old.componentId() : Check.text("component", d.component(), 100);
        return new Checked(name, spec, interval, component, policy(d, old == null ? null : old.policy()));
    }

    private static IncidentPolicy policy(ProbeDraft d, IncidentPolicy old) {
        boolean auto = d.autoIncident() != null ? d.autoIncident() : old != null && old.autoIncident();
        int failures = count("failures_to_open", d.failuresToOpen(), old == null ? IncidentPolicy.DEFAULT_FAILURES : old.failuresToOpen());
        int successes = count("successes_to_resolve", d.successesToResolve(),
                old == null ? IncidentPolicy.DEFAULT_SUCCESSES : old.successesToResolve());
        return new IncidentPolicy(auto, failures, successes);
    }

    private static URI url(String raw) {
        Check.text("url", raw, 2000);
        try {
            URI u = new URI(raw.strip());
            String scheme = u.getScheme() == null ? "" : u.getScheme();
            if (ProbeKind.ofScheme(scheme).isEmpty() || u.getHost() == null) {
                throw Problem.invalid("url", "url must be an absolute http://, https:// or tcp://host:port address; got '" + raw + "'");
            }
            if (ProbeKind.ofScheme(scheme).orElseThrow() == ProbeKind.TCP && u.getPort() < 1) {
                throw Problem.invalid("url", "a tcp url needs a port, as in tcp://db.example.com:5432; got '" + raw + "'");
            }
            if (u.getPort() == 0 || u.getPort() > 65535) {
                throw Problem.invalid("url", "the port of url must be from 1 to 65535; got " + u.getPort());
            }
            return u;
        } catch (java.net.URISyntaxException e) {
            throw Problem.invalid("url", "url is not a valid address: " + e.getMessage());
        }
    }

    private static void httpOnly(CheckSpec s) {
        if (s.jsonEquals() != null && s.jsonPath() == null) {
            throw Problem.invalid("json_equals", "json_equals needs json_path, the dotted path of the value to compare");
        }
        if (s.jsonPath() != null && !JsonPath.isValid(s.jsonPath())) {
            throw Problem.invalid("json_path", "json_path must be dot-separated names or indexes, as in data.items.0.state; got '"
                    + s.jsonPath() + "'");
        }
        boolean httpFields = s.bodyContains() != null || s.jsonPath() != null || !s.expectedStatus().isEmpty()
                || !s.headers().isEmpty() || s.minCertDays() != null;
        if (s.isTcp() && httpFields) {
            throw Problem.invalid("url", "a tcp:// probe only connects; headers, expected_status, body_contains, json_path"
                    + " and min_cert_days apply to http(s) probes");
        }
    }

    private static String method(String m) {
        String method = m == null ? "GET" : m.strip().toUpperCase(java.util.Locale.ROOT);
        if (!METHODS.contains(method)) {
            throw Problem.invalid("method", "method must be one of " + String.join(", ", new java.util.TreeSet<>(METHODS)) + "; got '" + m + "'");
        }
        return method;
    }

    private static List<Integer> statuses(List<Integer> codes) {
        for (Integer c : codes) {
            if (c == null || c < 100 || c > 599) {
                throw Problem.invalid("expected_status", "expected_status must list HTTP status codes from 100 to 599; got " + c);
            }
        }
        return List.copyOf(codes);
    }

    private static Duration duration(String field, String raw, Duration fallback) {
        if (raw == null) {
            return fallback;
        }
        try {
            return Duration.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw Problem.invalid(field, field + " must be an ISO 8601 duration such as PT30S; got '" + raw + "'");
        }
    }

    /** Checked here so a negative or absurd limit is refused when saved, not failed at every run. */
    private static Duration maxLatency(String raw) {
        Duration d = duration("max_latency", raw, null);
        within("max_latency", d, Duration.ofMillis(1), MAX_TIMEOUT);
        return d;
    }

    private static void within(String field, Duration d, Duration min, Duration max) {
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw Problem.invalid(field, field + " must be from " + min + " to " + max + "; got " + d);
        }
    }

    private static int count(String field, Integer value, int fallback) {
        int n = value == null ? fallback : value;
        if (n < 1 || n > 100) {
            throw Problem.invalid(field, field + " must be from 1 to 100; got " + n);
        }
        return n;
    }

    private static Integer positive(String field, Integer value) {
        if (value != null && value < 1) {
            throw Problem.invalid(field, field + " must be a positive number of days; got " + value);
        }
        return value;
    }

    private static <T> T pick(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
