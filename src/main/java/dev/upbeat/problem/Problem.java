package dev.upbeat.problem;

/**
 * An expected outcome that refuses a request: bad input, an unknown id, a transition that cannot
 * happen. The web layer maps each kind to one HTTP status in one place; the message says what was
 * expected, what was found and where, and is safe to show to the caller.
 */
public final class Problem extends RuntimeException {

    /** The closed list of ways a request can be refused. */
    public enum Kind { BAD_REQUEST, UNAUTHORIZED, NOT_FOUND, CONFLICT, PAYLOAD_TOO_LARGE, INVALID, UNSUPPORTED_MEDIA_TYPE, TOO_MANY_REQUESTS }

    private final Kind kind;
    private final String field;

    private Problem(Kind kind, String field, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.field = field;
    }

    public static Problem badRequest(String field, String message) {
        return new Problem(Kind.BAD_REQUEST, field, message);
    }

    public static Problem unauthorized(String message) {
        return new Problem(Kind.UNAUTHORIZED, null, message);
    }

    public static Problem notFound(String what, Object id) {
        return new Problem(Kind.NOT_FOUND, null, "No " + what + " with id '" + id + "'");
    }

    public static Problem conflict(String message) {
        return new Problem(Kind.CONFLICT, null, message);
    }

    public static Problem tooLarge(String message) {
        return new Problem(Kind.PAYLOAD_TOO_LARGE, null, message);
    }

    public static Problem invalid(String field, String message) {
        return new Problem(Kind.INVALID, field, message);
    }

    public static Problem unsupportedMediaType(String message) {
        return new Problem(Kind.UNSUPPORTED_MEDIA_TYPE, null, message);
    }

    /** Too many attempts from one client; the caller sets Retry-After. */
    public static Problem tooManyRequests(String message) {
        return new Problem(Kind.TOO_MANY_REQUESTS, null, message);
    }

    public Kind kind() {
        return kind;
    }

    /** The request field at fault, or null when the problem is not about one field. */
    public String field() {
        return field;
    }
}
