package dev.upbeat.probe;

import dev.upbeat.problem.Problem;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the headers a probe sends, when it is saved: a header the HTTP client would refuse at
 * run time fails every check, and the client's complaint quotes the value, which may be a secret.
 * A value is never quoted back, not even to the caller.
 */
final class ProbeHeaders {
    static final int MAX_HEADERS = 20;
    static final int MAX_VALUE = 4000;
    /** RFC 9110 token characters. */
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}");
    /** Set by the client itself (the JDK's restricted set) or meaningful only hop by hop. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "transfer-encoding", "te", "trailer", "keep-alive", "proxy-connection");

    private ProbeHeaders() {
    }

    static Map<String, String> check(Map<String, String> headers) {
        if (headers.size() > MAX_HEADERS) {
            throw Problem.invalid("headers", "headers may hold at most " + MAX_HEADERS + " entries; got " + headers.size());
        }
        headers.forEach((name, value) -> {
            if (!TOKEN.matcher(name).matches()) {
                throw Problem.invalid("headers", "a header name must be 1 to 100 letters, digits or !#$%&'*+-.^_`|~ "
                        + "(no spaces or colons); got '" + printable(name) + "'");
            }
            String field = "headers." + name;
            if (RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                throw Problem.invalid(field, name + " is set by the HTTP client and cannot be given; the restricted names are "
                        + String.join(", ", new java.util.TreeSet<>(RESTRICTED)));
            }
            if (value.length() > MAX_VALUE || !value.chars().allMatch(ProbeHeaders::allowedInValue)) {
                throw Problem.invalid(field, field + " must be at most " + MAX_VALUE + " characters with no line breaks, "
                        + "control characters or characters outside Latin-1");
            }
        });
        return Map.copyOf(headers);
    }

    /** Visible characters, spaces and tabs, as RFC 9110 field values allow and the JDK client accepts. */
    private static boolean allowedInValue(int c) {
        return c == '\t' || (c >= 0x20 && c != 0x7f && c <= 0xff);
    }

    private static String printable(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().limit(100).forEach(c -> out.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", c) : Character.toString(c)));
        return out.toString();
    }
}
