package dev.upbeat.subscription;

import dev.upbeat.problem.Problem;
import dev.upbeat.web.Access;
import dev.upbeat.web.Endpoints;
import dev.upbeat.web.RouteTable;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The subscriber's HTML side, all plain forms that work without JavaScript: the page's subscribe
 * form, SMS code entry, the confirmation link, and the signed manage and unsubscribe links
 * (the unsubscribe target also takes RFC 8058 one-click POSTs from mail clients).
 * <p>
 * The subscribe form has no session to tie a CSRF token to, so it carries a signed, dated token,
 * and a POST whose browser says it came from another site ({@code Sec-Fetch-Site},
 * {@code Origin}) is refused.
 */
public final class SubscriptionPages implements Endpoints {
    private final SubscriptionService subscriptions;
    private final Links links;
    private final RateLimit limit;
    private final String pageName;
    private final URI base;
    private final Supplier<Map<String, String>> componentNames;
    private final Clock clock;
    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);

    public SubscriptionPages(SubscriptionService subscriptions, Links links, RateLimit limit, String pageName, URI base,
                             Supplier<Map<String, String>> componentNames, Clock clock) {
        this.subscriptions = subscriptions;
        this.links = links;
        this.limit = limit;
        this.pageName = pageName;
        this.base = base;
        this.componentNames = componentNames;
        this.clock = clock;
    }

    @Override
    public void addRoutes(RouteTable r) {
        r.post("/subscribe", this::subscribe, Access.PUBLIC);
        r.post("/subscribe/code", this::code, Access.PUBLIC);
        r.get("/subscriptions/confirm", this::confirm, Access.PUBLIC);
        r.get("/subscriptions/manage", this::manage, Access.PUBLIC);
        r.post("/subscriptions/manage", this::saveManage, Access.PUBLIC);
        r.get("/subscriptions/unsubscribe", this::unsubscribePage, Access.PUBLIC);
        r.post("/subscriptions/unsubscribe", this::unsubscribe, Access.PUBLIC);
    }

    public void subscribe(Context ctx) {
        guardForm(ctx);
        String channel = ctx.formParam("channel");
        String address = ctx.formParam("address");
        try {
            subscriptions.subscribe(new SubscribeRequest(channel, address, ctx.formParams("component"), null, null), false);
        } catch (Problem p) {
            render(ctx, p.kind() == Problem.Kind.UNAUTHORIZED ? 401 : 422,
                    SubscriptionPage.notice(pageName, "Not subscribed", p.getMessage()));
            return;
        }
        if (Channel.fromWire(channel).orElse(null) == Channel.SMS) {
            render(ctx, 200, SubscriptionPage.codeForm(pageName, "Enter your code", "If this number can be subscribed, we have "
                    + "sent it a six-digit code. Enter it here within an hour.", links.formToken(clock.instant()), address));
        } else {
            render(ctx, 200, SubscriptionPage.notice(pageName, "Almost done", SubscriberApi.ACCEPTED));
        }
    }

    public void code(Context ctx) {
        guardForm(ctx);
        try {
            subscriptions.confirmCode(ctx.formParam("address"), ctx.formParam("code"));
            render(ctx, 200, SubscriptionPage.notice(pageName, "Subscribed", "You will get a text message when something happens."));
        } catch (Problem p) {
            render(ctx, 422, SubscriptionPage.notice(pageName, "Not confirmed", p.getMessage()));
        }
    }

    public void confirm(Context ctx) {
        var confirmed = subscriptions.confirmLink(ctx.queryParam("t"));
        if (confirmed.isPresent()) {
            render(ctx, 200, SubscriptionPage.notice(pageName, "Subscribed",
                    "Your subscription is confirmed. Every message carries a link to change or end it."));
        } else {
            render(ctx, 400, SubscriptionPage.notice(pageName, "Link expired",
                    "This confirmation link is invalid or has expired. Subscribe again from the status page for a new one."));
        }
    }

    public void manage(Context ctx) {
        String token = ctx.queryParam("t");
        Subscriber s = managedOrNotice(ctx, token);
        if (s == null) {
            return;
        }
        List<SubscriptionPage.Choice> choices = componentNames.get().entrySet().stream()
                .map(e -> new SubscriptionPage.Choice(e.getKey(), e.getValue(), s.components().contains(e.getKey()))).toList();
        render(ctx, 200, SubscriptionPage.manageForm(pageName, "Your subscription", s.channel().wire() + ": " + s.address(),
                token, choices));
    }

    public void saveManage(Context ctx) {
        String token = ctx.queryParam("t");
        if (managedOrNotice(ctx, token) != null) {
            subscriptions.changeComponents(token, ctx.formParams("component"));
            render(ctx, 200, SubscriptionPage.notice(pageName, "Saved", "Your choice of components is saved."));
        }
    }

    public void unsubscribePage(Context ctx) {
        String token = ctx.queryParam("t");
        if (managedOrNotice(ctx, token) != null) {
            render(ctx, 200, SubscriptionPage.unsubscribeForm(pageName, "Unsubscribe?",
                    "You will get no more messages at this address.", token));
        }
    }

    /** A button press or an RFC 8058 one-click POST; ending an ended subscription answers the same. */
    public void unsubscribe(Context ctx) {
        String token = ctx.queryParam("t");
        if (links.managed(token).isEmpty()) {
            render(ctx, 404, SubscriptionPage.notice(pageName, "Unknown link", "This link is not valid."));
            return;
        }
        subscriptions.unsubscribe(token);
        render(ctx, 200, SubscriptionPage.notice(pageName, "Unsubscribed", "You will get no more messages from " + pageName + "."));
    }

    private Subscriber managedOrNotice(Context ctx, String token) {
        try {
            return subscriptions.managed(token);
        } catch (Problem p) {
            render(ctx, 404, SubscriptionPage.notice(pageName, "Unknown link",
                    "This link is not valid, or the subscription has already ended."));
            return null;
        }
    }

    private void guardForm(Context ctx) {
        String site = ctx.header("Sec-Fetch-Site");
        String origin = ctx.header("Origin");
        boolean crossSite = site != null && !site.equals("same-origin") && !site.equals("none");
        boolean foreignOrigin = origin != null && !origin.equals(originOf(base)) && !origin.endsWith("://" + ctx.host());
        if (crossSite || foreignOrigin || !links.formTokenValid(ctx.formParam("token"), clock.instant())) {
            throw Problem.badRequest("token", "The form is out of date or was sent from another site; reload the page and try again");
        }
        SubscriberApi.throttle(ctx, limit);
    }

    private static String originOf(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }

    private void render(Context ctx, int status, SubscriptionPage page) {
        StringOutput out = new StringOutput();
        templates.render("subscription.jte", page, out);
        ctx.status(status).header("Cache-Control", "no-store").contentType("text/html; charset=utf-8").result(out.toString());
    }
}
