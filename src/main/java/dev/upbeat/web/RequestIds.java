package dev.upbeat.web;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The id that ties one request's answer ({@code X-Request-Id}), its log lines and its error body
 * together, so a user's report can be matched to a log line. A proxy in front may have set one
 * already; it is kept when it is short and plain (it goes into logs and headers as it is), and
 * replaced otherwise.
 */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    /** The key of the id in the logging context (MDC), and so in every log line of the request. */
    public static final String LOG_KEY = "request_id";
    /** The request attribute the id is kept in while the request is handled. */
    public static final String ATTRIBUTE = "upbeat.request-id";
    static final int MAX_LENGTH = 128;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private RequestIds() {
    }

    /** The id offered by a proxy when it is sane, else a fresh one. */
    public static String accept(String offered) {
        return sane(offered) ? offered : generate();
    }

    /** At most 128 characters of {@code [A-Za-z0-9._:-]}: nothing that could split a header or forge a log line. */
    static boolean sane(String v) {
        if (v == null || v.isEmpty() || v.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            boolean plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '.' || c == '_' || c == ':' || c == '-';
            if (!plain) {
                return false;
            }
        }
        return true;
    }

    /**
     * 64 random bits as 16 hex digits. Not a secret, only unique enough to find a line by, so the
     * per-thread generator does: a UUID would take the locked secure one on every request.
     */
    static String generate() {
        long bits = ThreadLocalRandom.current().nextLong();
        char[] out = new char[16];
        for (int i = 15; i >= 0; i--) {
            out[i] = HEX[(int) (bits & 0xF)];
            bits >>>= 4;
        }
        return new String(out);
    }
}
