package dev.upbeat.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.PreEncodedHttpField;

/**
 * What every answer carries whoever makes it (a route, or {@link PublicReads}): safe default
 * headers, and the snapshot version a client says it has seen, so that it is not sent back in time.
 */
public final class EdgeHeaders {
    /** Scripts and styles only from Upbeat itself, nothing inline: injected markup cannot run. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    /** The same headers encoded once, for the reads answered in front of the router. */
    static final List<HttpField> PREPARED = prepared();

    private EdgeHeaders() {
    }

    private static List<HttpField> prepared() {
        List<HttpField> fields = new ArrayList<>();
        apply((name, value) -> fields.add(new PreEncodedHttpField(name, value)));
        return List.copyOf(fields);
    }

    public static void apply(BiConsumer<String, String> set) {
        set.accept("X-Content-Type-Options", "nosniff");
        set.accept("Referrer-Policy", "strict-origin-when-cross-origin");
        set.accept("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    }

    /** The newest snapshot version the client has seen, from If-None-Match and Last-Event-ID; 0 if none. */
    public static long seen(String ifNoneMatch, String lastEventId) {
        return Math.max(newestVersion(ifNoneMatch), newestVersion(lastEventId));
    }

    /** The largest snapshot version among ETags like {@code "42"}, {@code W/"42"} or a bare 42; 0 if none. */
    static long newestVersion(String header) {
        long newest = 0;
        if (header == null) {
            return newest;
        }
        for (String part : header.split(",")) {
            String v = part.strip();
            v = v.startsWith("W/") ? v.substring(2) : v;
            v = v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
            if (!v.isEmpty() && v.length() <= 18 && v.chars().allMatch(Character::isDigit)) {
                newest = Math.max(newest, Long.parseLong(v));
            }
        }
        return newest;
    }
}
