package dev.upbeat.simulator;

import dev.upbeat.problem.Problem;
import java.util.Locale;

/**
 * Which requests a fault may apply to: an HTTP method, a path glob ({@code *} within one segment,
 * {@code **} across segments) and a header that must be present, with a value if one is given.
 * Absent parts match everything.
 */
public record Match(String method, String path, HeaderMatch header) {
    public static final Match ANY = new Match(null, null, null);

    /** A header name and, optionally, its exact value (compared ignoring case). */
    public record HeaderMatch(String name, String value) {
    }

    public Match withMethod(String method) {
        return new Match(method, path, header);
    }

    public Match withPath(String glob) {
        return new Match(method, glob, header);
    }

    /** Also requires header {@code name}, with {@code value} (ignoring case) unless that is null. */
    public Match withHeader(String name, String value) {
        return new Match(method, path, new HeaderMatch(name, value));
    }

    public boolean test(ProxiedRequest r) {
        return (method == null || method.equalsIgnoreCase(r.method()))
                && (path == null || Glob.matches(path, r.path()))
                && (header == null || headerMatches(r));
    }

    private boolean headerMatches(ProxiedRequest r) {
        String actual = r.header(header.name());
        return actual != null && (header.value() == null || header.value().equalsIgnoreCase(actual));
    }

    void validate(String prefix) {
        if (method != null && !method.matches("[A-Za-z]{1,20}")) {
            throw Problem.invalid(prefix + ".method", prefix + ".method must be an HTTP method such as GET; got '" + method + "'");
        }
        if (path != null && !path.startsWith("/")) {
            throw Problem.invalid(prefix + ".path", prefix + ".path must be a glob starting with '/', such as /apps/*; got '"
                    + path + "'");
        }
        if (header != null && (header.name() == null || !header.name().matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+"))) {
            throw Problem.invalid(prefix + ".header.name", prefix + ".header.name must be a header name; got '"
                    + (header == null ? null : header.name()) + "'");
        }
    }

    String describe() {
        return (method == null ? "" : method.toUpperCase(Locale.ROOT) + " ") + (path == null ? "" : path)
                + (header == null ? "" : " with " + header.name() + (header.value() == null ? "" : ": " + header.value()));
    }
}
