package dev.upbeat.web;

import io.javalin.http.Context;
import java.time.Duration;
import java.util.function.BiConsumer;

/**
 * Answers public reads from a snapshot with headers fit for a CDN: the snapshot version as
 * ETag (If-None-Match gives 304), a short max-age, and permission to serve stale copies while
 * revalidating or while Upbeat is unreachable, so the page outlives an outage of its origin.
 * The rule is written once ({@link #headers}, {@link #notModified}) for both the routed reads
 * ({@link #serve}) and the edge's own ({@link PublicReads}).
 */
public final class Caching {
    /** Every cached answer is compressed when the client accepts it, so caches must key on it too. */
    static final String ACCEPT_ENCODING = "Accept-Encoding";

    private final String cacheControl;

    /**
     * One answer to a public read, as it is to be sent: the version it was made from, its type and
     * bytes, and the request headers besides Accept-Encoding it depends on ({@code vary}, or null).
     */
    public record Answer(String etag, String contentType, byte[] body, String vary, String cacheControl) {
    }

    public Caching(Duration maxAge) {
        long seconds = Math.max(1, maxAge.toSeconds());
        this.cacheControl = "public, max-age=" + seconds + ", stale-while-revalidate=" + (seconds * 6)
                + ", stale-if-error=86400";
    }

    public Answer answer(String etag, String contentType, byte[] body) {
        return answer(etag, contentType, body, null);
    }

    /** {@code vary}: a request header the body depends on, besides Accept-Encoding. */
    public Answer answer(String etag, String contentType, byte[] body, String vary) {
        return new Answer(etag, contentType, body, vary == null ? ACCEPT_ENCODING : vary + ", " + ACCEPT_ENCODING, cacheControl);
    }

    public Answer json(String etag, byte[] body) {
        return answer(etag, "application/json", body);
    }

    /** Writes {@code body} unless the caller already has this version ({@code etag}); true if it was written. */
    public boolean serve(Context ctx, String etag, String contentType, byte[] body) {
        return serve(ctx, answer(etag, contentType, body));
    }

    public boolean serve(Context ctx, Answer answer) {
        headers(answer, ctx::header);
        if (notModified(ctx.header("If-None-Match"), answer.etag())) {
            ctx.status(304);
            return false;
        }
        ctx.contentType(answer.contentType()).result(answer.body());
        return true;
    }

    public void json(Context ctx, String etag, byte[] body) {
        serve(ctx, etag, "application/json", body);
    }

    /** The caching headers of an answer, 304 or not. */
    static void headers(Answer answer, BiConsumer<String, String> set) {
        set.accept("ETag", answer.etag());
        set.accept("Cache-Control", answer.cacheControl());
        set.accept("Access-Control-Allow-Origin", "*");
        set.accept("Vary", answer.vary());
    }

    /** True when the caller already has this version: a 304 then, without a body. */
    static boolean notModified(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.strip();
            if (c.equals("*") || c.equals(etag) || c.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }
}
