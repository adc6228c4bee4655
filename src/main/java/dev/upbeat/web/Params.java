package dev.upbeat.web;

import dev.upbeat.problem.Problem;
import io.javalin.http.Context;

/** Path and query parameters, refused with the parameter named when they cannot be read. */
public final class Params {
    private Params() {
    }

    /** A numeric id from the path; anything else cannot name an existing record, so 404. */
    public static long id(Context ctx, String what) {
        String raw = ctx.pathParam("id");
        try {
            long id = Long.parseLong(raw);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException ignored) {
            // falls through to not found
        }
        throw Problem.notFound(what, raw);
    }

    /**
     * A query parameter as text, or null when absent or blank: {@code ?channel=} is how forms and
     * copied examples say "any channel", never a channel named "".
     */
    public static String query(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        return raw == null || raw.isBlank() ? null : raw.strip();
    }

    public static int intQuery(Context ctx, String name, int fallback, int min, int max) {
        String raw = query(ctx, name);
        if (raw == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw Problem.badRequest(name, "Query parameter '" + name + "' must be a whole number from " + min + " to " + max
                + "; got '" + raw + "'");
    }
}
