package dev.upbeat.app;

import dev.upbeat.web.Access;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Audits every change made through the API with a token, in one place: after a token-only route
 * that is not a read answers 2xx, it records who (the token's name), what (method and route) and on
 * what (the path's ids, or the new resource's id from {@code Location}).
 */
public final class ApiAudit {
    private static final Set<HandlerType> READS = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);

    /** Where entries go: the audit log. */
    @FunctionalInterface
    public interface Recorder {
        void record(String actor, String action, String subject, String detail);
    }

    private final Recorder recorder;

    public ApiAudit(Recorder recorder) {
        this.recorder = recorder;
    }

    public void after(Context ctx) {
        if (!ctx.routeRoles().contains(Access.TOKEN) || READS.contains(ctx.method())) {
            return;
        }
        int status = ctx.statusCode();
        String caller = ctx.attribute(Auth.CALLER);
        if (caller == null || status < 200 || status > 299) {
            return;
        }
        Endpoint route = ctx.endpoints().matchedHttpEndpoint();
        String template = route == null ? ctx.path() : route.path;
        recorder.record(actor(caller), ctx.method().name() + " " + template, subject(ctx, template), ctx.path());
    }

    /** Token names are kept apart from people's emails and {@code cli}. */
    public static String actor(String tokenName) {
        return "token:" + tokenName;
    }

    /** The new resource's id from {@code Location}, else the path's parameters (the segments the route names in braces). */
    static String subject(Context ctx, String template) {
        String location = ctx.res().getHeader("Location");
        if (location != null && !location.isEmpty()) {
            return location.substring(location.lastIndexOf('/') + 1);
        }
        String[] names = template.split("/");
        String[] values = ctx.path().split("/");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < names.length && i < values.length; i++) {
            if (names[i].startsWith("{")) {
                ids.add(values[i]);
            }
        }
        return String.join(" ", ids);
    }
}
