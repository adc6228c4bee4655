package dev.upbeat.notification;

import dev.upbeat.web.Access;
import dev.upbeat.web.Endpoints;
import dev.upbeat.web.Params;
import dev.upbeat.web.RouteTable;
import io.javalin.http.Context;
import java.util.Map;

/** Admin reads of the delivery log, and re-sending of dead deliveries. */
public final class NotificationApi implements Endpoints {
    private final DeliveryLog log;

    public NotificationApi(DeliveryLog log) {
        this.log = log;
    }

    @Override
    public void addRoutes(RouteTable r) {
        r.get("/api/v1/notifications", this::events, Access.TOKEN);
        r.get("/api/v1/notifications/{id}/deliveries", this::deliveries, Access.TOKEN);
        r.post("/api/v1/notifications/{id}/resend", this::resendEvent, Access.TOKEN);
        r.post("/api/v1/deliveries/{id}/resend", this::resendDelivery, Access.TOKEN);
    }

    public void events(Context ctx) {
        ctx.json(log.events(Params.intQuery(ctx, "limit", 50, 1, 500), Params.intQuery(ctx, "offset", 0, 0, Integer.MAX_VALUE)));
    }

    public void deliveries(Context ctx) {
        long eventId = "confirmations".equals(ctx.pathParam("id")) ? 0 : Params.id(ctx, "notification event");
        ctx.json(log.deliveries(eventId, Params.query(ctx, "status"), Params.intQuery(ctx, "limit", 100, 1, 1000),
                Params.intQuery(ctx, "offset", 0, 0, Integer.MAX_VALUE)));
    }

    public void resendEvent(Context ctx) {
        ctx.status(202).json(Map.of("requeued", log.resendDead(Params.id(ctx, "notification event"))));
    }

    public void resendDelivery(Context ctx) {
        log.resend(Params.id(ctx, "delivery"));
        ctx.status(202).json(Map.of("requeued", 1));
    }
}
