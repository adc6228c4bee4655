package dev.upbeat.subscription;

import dev.upbeat.problem.Problem;
import dev.upbeat.web.Access;
import dev.upbeat.web.Bodies;
import dev.upbeat.web.Endpoints;
import dev.upbeat.web.Params;
import dev.upbeat.web.RouteTable;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code /api/v1/subscribers}: public subscribing (rate-limited per client address, the same
 * answer whatever the address's state) and SMS code confirmation; for admins, adding confirmed
 * subscribers, search, counts, removal and CSV import and export.
 */
public final class SubscriberApi implements Endpoints {
    static final String ACCEPTED = "If this address can be subscribed, a confirmation is on its way "
            + "(webhook, Slack and Teams subscriptions start at once).";

    private final SubscriptionService subscriptions;
    private final SubscriberDirectory directory;
    private final Bodies bodies;
    private final RateLimit limit;
    private final Function<String, Optional<String>> authenticate;

    public SubscriberApi(SubscriptionService subscriptions, SubscriberDirectory directory, Bodies bodies, RateLimit limit,
                         Function<String, Optional<String>> authenticate) {
        this.subscriptions = subscriptions;
        this.directory = directory;
        this.bodies = bodies;
        this.limit = limit;
        this.authenticate = authenticate;
    }

    @Override
    public void addRoutes(RouteTable r) {
        // Subscribing is public (rate-limited; an admin token inside unlocks "confirmed": true).
        r.post("/api/v1/subscribers", this::subscribe, Access.PUBLIC);
        r.post("/api/v1/subscribers/confirm", this::confirmCode, Access.PUBLIC);
        r.get("/api/v1/subscribers", this::list, Access.TOKEN);
        r.get("/api/v1/subscribers/counts", this::counts, Access.TOKEN);
        r.get("/api/v1/subscribers/export", this::export, Access.TOKEN);
        r.post("/api/v1/subscribers/import", this::importCsv, Access.TOKEN);
        r.delete("/api/v1/subscribers/{id}", this::remove, Access.TOKEN);
    }

    public record SubscribeBody(String channel, String address, List<String> components, String secret, Boolean confirmed) {
    }

    public record CodeBody(String address, String code) {
    }

    public void subscribe(Context ctx) {
        boolean admin = isAdmin(ctx);
        if (!admin) {
            throttle(ctx, limit);
        }
        SubscribeBody b = bodies.read(ctx, SubscribeBody.class);
        Subscriber s = subscriptions.subscribe(new SubscribeRequest(b.channel(), b.address(), b.components(), b.secret(),
                b.confirmed()), admin);
        if (admin && Boolean.TRUE.equals(b.confirmed())) {
            ctx.status(201).header("Location", "/api/v1/subscribers/" + s.id()).json(SubscriberView.of(s));
        } else {
            ctx.status(202).json(Map.of("status", "accepted", "message", ACCEPTED));
        }
    }

    public void confirmCode(Context ctx) {
        throttle(ctx, limit);
        CodeBody b = bodies.read(ctx, CodeBody.class);
        subscriptions.confirmCode(b.address(), b.code());
        ctx.json(Map.of("status", "confirmed"));
    }

    public void list(Context ctx) {
        SubscriberDirectory.Found found = directory.search(Params.query(ctx, "q"), Params.query(ctx, "channel"),
                Params.intQuery(ctx, "limit", 100, 1, 1000), Params.intQuery(ctx, "offset", 0, 0, Integer.MAX_VALUE));
        ctx.json(Map.of("total", found.total(), "subscribers", found.subscribers().stream().map(SubscriberView::of).toList()));
    }

    public void counts(Context ctx) {
        ctx.json(directory.counts());
    }

    public void remove(Context ctx) {
        directory.remove(ctx.pathParam("id"));
        ctx.status(204);
    }

    public void export(Context ctx) {
        ctx.header("Content-Disposition", "attachment; filename=\"subscribers.csv\"");
        ctx.contentType("text/csv; charset=utf-8").result(directory.exportCsv().getBytes(StandardCharsets.UTF_8));
    }

    public void importCsv(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("text/csv")) {
            throw Problem.unsupportedMediaType("Content-Type must be text/csv; got '" + type + "'");
        }
        ctx.json(directory.importCsv(ctx.body()));
    }

    /** True with a valid admin token; a token that is sent but wrong is refused rather than ignored. */
    private boolean isAdmin(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            return false;
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || authenticate.apply(header.substring(7).strip()).isEmpty()) {
            throw Problem.unauthorized("The API token is unknown or revoked");
        }
        return true;
    }

    /** Counts an attempt from this client; refuses with 429 and Retry-After past the limit. */
    static void throttle(Context ctx, RateLimit limit) {
        limit.attempt(ctx.ip()).ifPresent(wait -> {
            long seconds = Math.max(1, wait.toSeconds() + (wait.toMillisPart() > 0 ? 1 : 0));
            ctx.header("Retry-After", Long.toString(seconds));
            throw Problem.tooManyRequests("Too many subscription attempts from your address; try again in " + seconds + " s");
        });
    }
}
