package dev.upbeat.web;

import dev.upbeat.json.Json;
import dev.upbeat.problem.Problem;
import dev.upbeat.storage.ConnectionLost;
import dev.upbeat.storage.DatabaseDown;
import dev.upbeat.storage.StorageUnavailable;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.router.EndpointNotFound;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become HTTP answers: each {@link Problem.Kind} to its status,
 * framework errors to the same body shape, anything else to a 500 that is logged once with
 * context and never echoes internals. A browser asking for a page (Accept: text/html) outside
 * {@code /api/} gets the same status as a page in the site's style; API clients always get JSON.
 */
public final class ErrorMapping {
    private static final Logger log = LoggerFactory.getLogger(ErrorMapping.class);
    private static final String WRITTEN = "upbeat.error-written";

    private ErrorMapping() {
    }

    public static int status(Problem.Kind kind) {
        return switch (kind) {
            case BAD_REQUEST -> 400;
            case UNAUTHORIZED -> 401;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case PAYLOAD_TOO_LARGE -> 413;
            case UNSUPPORTED_MEDIA_TYPE -> 415;
            case INVALID -> 422;
            case TOO_MANY_REQUESTS -> 429;
        };
    }

    private static String id(Problem.Kind kind) {
        return switch (kind) {
            case BAD_REQUEST -> "bad_request";
            case UNAUTHORIZED -> "unauthorized";
            case NOT_FOUND -> "not_found";
            case CONFLICT -> "conflict";
            case PAYLOAD_TOO_LARGE -> "payload_too_large";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported_media_type";
            case INVALID -> "invalid_params";
            case TOO_MANY_REQUESTS -> "rate_limited";
        };
    }

    /**
     * Installs the mapping; {@code allowed} gives the methods the route table has for a path, so a
     * path that exists under other methods answers 405 with {@code Allow} instead of 404.
     */
    public static void install(RoutesConfig routes, Function<String, List<String>> allowed, ErrorPages pages) {
        routes.exception(EndpointNotFound.class, (e, ctx) -> {
            List<String> methods = allowed.apply(ctx.path());
            if (methods.isEmpty() || methods.contains(ctx.method().name())) {
                // No method in the message: HEAD must get the headers, Content-Length included, of GET.
                write(ctx, 404, new ErrorBody("not_found", "No route for " + ctx.path(), null), pages);
                return;
            }
            ctx.header("Allow", String.join(", ", methods));
            write(ctx, 405, new ErrorBody("method_not_allowed", ctx.method() + " is not allowed on " + ctx.path()
                    + "; it allows " + String.join(", ", methods), null), pages);
        });
        routes.exception(Problem.class, (p, ctx) -> write(ctx, status(p.kind()), new ErrorBody(id(p.kind()), p.getMessage(), p.field()), pages));
        routes.exception(HttpResponseException.class, (e, ctx) -> write(ctx, e.getStatus(), fromStatus(e.getStatus(), e.getMessage()), pages));
        routes.exception(StorageUnavailable.class, (e, ctx) -> {
            if (e instanceof DatabaseDown) {
                // The breaker logged the outage once; a line per refused request would bury it.
            } else if (e instanceof ConnectionLost) {
                // One connection's end, already behind us: nothing for the operator to do.
                log.warn("{} {} failed: {}", ctx.method(), route(ctx), e.getMessage());
            } else {
                // One line saying what to do; the cause's trace would repeat for every refused request.
                log.error("{} {} refused: {}", ctx.method(), route(ctx), e.getMessage());
            }
            ctx.header("Retry-After", Integer.toString(e.retryAfterSeconds()));
            write(ctx, 503, new ErrorBody("service_unavailable", e.publicMessage(), null), pages);
        });
        routes.exception(Exception.class, (e, ctx) -> {
            log.error("Unhandled error in {} {}", ctx.method(), route(ctx), e);
            write(ctx, 500, new ErrorBody("internal_error", "Something went wrong on our side; it has been logged.", null), pages);
        });
        routes.error(404, ctx -> writeUnlessWritten(ctx, 404, new ErrorBody("not_found", "No route for " + ctx.path(), null), pages));
        routes.error(405, ctx -> writeUnlessWritten(ctx, 405, new ErrorBody("method_not_allowed", ctx.method() + " is not allowed on " + ctx.path(), null), pages));
    }

    /** A browser navigating to a page; API paths answer JSON whatever the Accept header says. */
    static boolean wantsPage(Context ctx) {
        String accept = ctx.header("Accept");
        String path = ctx.path();
        return accept != null && accept.contains("text/html") && !path.equals("/api") && !path.startsWith("/api/");
    }

    /** The route's template for the log: a raw path is the caller's text, unbounded and perhaps not theirs to log. */
    private static String route(Context ctx) {
        String template = RouteTable.template(ctx);
        return template != null ? template : "(no route)";
    }

    private static ErrorBody fromStatus(int status, String message) {
        return switch (status) {
            case 413 -> new ErrorBody("payload_too_large", "The request body is larger than allowed", null);
            case 405 -> new ErrorBody("method_not_allowed", message, null);
            case 404 -> new ErrorBody("not_found", message, null);
            default -> new ErrorBody(status >= 500 ? "internal_error" : "bad_request", message, null);
        };
    }

    private static void writeUnlessWritten(Context ctx, int status, ErrorBody body, ErrorPages pages) {
        if (ctx.attribute(WRITTEN) == null) {
            write(ctx, status, body, pages);
        }
    }

    static void write(Context ctx, int status, ErrorBody body, ErrorPages pages) {
        ctx.attribute(WRITTEN, true);
        if (wantsPage(ctx)) {
            try {
                ctx.status(status).contentType("text/html; charset=utf-8").header("Cache-Control", "no-store")
                        .result(pages.render(status, body.message()));
                return;
            } catch (RuntimeException e) {
                log.error("The error page for {} {} could not be drawn; answering in JSON", ctx.method(), ctx.path(), e);
            }
        }
        if ("GET".equals(ctx.method().name()) || "HEAD".equals(ctx.method().name())) {
            // Widgets on other sites read public errors too (a 404 for a deleted component, say).
            ctx.header("Access-Control-Allow-Origin", "*");
        }
        try {
            ErrorBody named = body.forPath(ctx.path(), ctx.attribute(RequestIds.ATTRIBUTE));
            ctx.status(status).contentType("application/json").result(Json.mapper().writeValueAsBytes(named));
        } catch (Exception e) {
            ctx.status(status).result("{\"id\":\"internal_error\",\"message\":\"error body could not be written\",\"field\":null}");
        }
    }
}
