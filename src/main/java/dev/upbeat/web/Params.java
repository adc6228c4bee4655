package dev.upbeat.web;

import dev.upbeat.problem.Problem;
import io.javalin.http.Context;

/** Path and query parameters, refused with the parameter named when they cannot be read. */
public final class Params {
    /** Where authentication leaves the name of the API token (or admin user) making the call. */
    public static final String CALLER = "upbeat.caller";

    private Params() {
    }

    /** Who makes this call, for records that say who did what: the token's name. */
    public static String caller(Context ctx) {
        String caller = ctx.attribute(CALLER);
        return caller == null ? "api" : caller;
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

    /** A numeric id from the path parameter {@code name}; anything else names nothing, so 404. */
    public static long longPath(Context ctx, String name, String what) {
        String raw = ctx.pathParam(name);
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
