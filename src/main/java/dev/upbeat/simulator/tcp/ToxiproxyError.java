package dev.upbeat.simulator.tcp;

/** A refusal with Toxiproxy's own words and status, answered as {@code {"error":...,"status":...}}. */
public final class ToxiproxyError extends RuntimeException {
    private final int status;

    ToxiproxyError(String message, int status) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    static ToxiproxyError badBody(String detail) {
        return new ToxiproxyError("bad request body: " + detail, 400);
    }

    static ToxiproxyError missingField(String field) {
        return new ToxiproxyError("missing required field: " + field, 400);
    }

    static ToxiproxyError proxyNotFound() {
        return new ToxiproxyError("proxy not found", 404);
    }

    static ToxiproxyError proxyExists() {
        return new ToxiproxyError("proxy already exists", 409);
    }

    static ToxiproxyError invalidStream() {
        return new ToxiproxyError("stream was invalid, can be either upstream or downstream", 400);
    }

    static ToxiproxyError invalidToxicType() {
        return new ToxiproxyError("invalid toxic type", 400);
    }

    static ToxiproxyError toxicExists() {
        return new ToxiproxyError("toxic already exists", 409);
    }

    static ToxiproxyError toxicNotFound() {
        return new ToxiproxyError("toxic not found", 404);
    }

    /** A listener that could not be opened: Toxiproxy answers 500 with the system's words. */
    static ToxiproxyError listenFailed(String listen, String reason) {
        return new ToxiproxyError("listen tcp " + listen + ": " + reason, 500);
    }
}
