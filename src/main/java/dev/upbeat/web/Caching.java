package dev.upbeat.web;

import io.javalin.http.Context;
import java.time.Duration;

/**
 * Answers public reads from a snapshot with headers fit for a CDN: the snapshot version as
 * ETag (If-None-Match gives 304), a short max-age, and permission to serve stale copies while
 * revalidating or while Upbeat is unreachable, so the page outlives an outage of its origin.
 */
public final class Caching {
    private final String cacheControl;

    public Caching(Duration maxAge) {
        long seconds = Math.max(1, maxAge.toSeconds());
        this.cacheControl = "public, max-age=" + seconds + ", stale-while-revalidate=" + (seconds * 6)
                + ", stale-if-error=86400";
    }

    /** Writes {@code body} unless the caller already has this version ({@code etag}); true if it was written. */
    public boolean serve(Context ctx, String etag, String contentType, byte[] body) {
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", cacheControl);
        ctx.header("Access-Control-Allow-Origin", "*");
        if (matches(ctx.header("If-None-Match"), etag)) {
            ctx.status(304);
            return false;
        }
        ctx.contentType(contentType).result(body);
        return true;
    }

    public void json(Context ctx, String etag, byte[] body) {
        serve(ctx, etag, "application/json", body);
    }

    private static boolean matches(String ifNoneMatch, String etag) {
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
