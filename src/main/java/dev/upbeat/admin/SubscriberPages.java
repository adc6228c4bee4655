package dev.upbeat.admin;

import dev.upbeat.notification.DeliveryLog;
import dev.upbeat.problem.Problem;
import dev.upbeat.subscription.SubscriberDirectory;
import dev.upbeat.web.Access;
import dev.upbeat.web.Endpoints;
import dev.upbeat.web.Params;
import dev.upbeat.web.RouteTable;
import io.javalin.http.Context;
import java.time.ZoneId;
import java.util.List;

/** Subscribers and the delivery log for admins: search, remove, export, and re-send dead deliveries. */
public final class SubscriberPages implements Endpoints {
    private static final int PAGE = 100;

    private final AdminPages pages;
    private final SubscriberDirectory directory;
    private final DeliveryLog log;
    private final ZoneId zone;

    public SubscriberPages(AdminPages pages, SubscriberDirectory directory, DeliveryLog log, ZoneId zone) {
        this.pages = pages;
        this.directory = directory;
        this.log = log;
        this.zone = zone;
    }

    @Override
    public void addRoutes(RouteTable r) {
        r.get("/admin/subscribers", this::list, Access.ADMIN);
        r.post("/admin/subscribers/export", this::export, Access.ADMIN);
        r.post("/admin/subscribers/{id}/remove", this::remove, Access.ADMIN);
        r.get("/admin/notifications/{id}", this::event, Access.ADMIN);
        r.post("/admin/notifications/{id}/resend", this::resendEvent, Access.ADMIN);
        r.post("/admin/deliveries/{id}/resend", this::resendDelivery, Access.ADMIN);
    }

    public void list(Context ctx) {
        show(ctx, 200, 0, Form.empty());
    }

    public void event(Context ctx) {
        show(ctx, 200, Params.id(ctx, "notification event"), Form.empty());
    }

    public void remove(Context ctx) {
        String id = ctx.pathParam("id");
        directory.remove(id);
        pages.audit(ctx, "subscriber.remove", id, null);
        AdminPages.seeOther(ctx, "/admin/subscribers");
    }

    public void export(Context ctx) {
        pages.audit(ctx, "subscriber.export", "subscribers", null);
        ctx.header("Content-Disposition", "attachment; filename=\"subscribers.csv\"").contentType("text/csv; charset=utf-8")
                .result(directory.exportCsv());
    }

    public void resendEvent(Context ctx) {
        long id = Params.id(ctx, "notification event");
        int n = log.resendDead(id);
        pages.audit(ctx, "notification.resend", "event " + id, n + " delivery(ies)");
        AdminPages.seeOther(ctx, "/admin/notifications/" + id);
    }

    public void resendDelivery(Context ctx) {
        long id = Params.id(ctx, "delivery");
        try {
            log.resend(id);
            pages.audit(ctx, "delivery.resend", "delivery " + id, null);
            AdminPages.seeOther(ctx, "/admin/subscribers");
        } catch (Problem p) {
            show(ctx, 409, 0, Form.empty().refused(p));
        }
    }

    private void show(Context ctx, int code, long eventId, Form form) {
        String query = ctx.queryParam("q");
        var found = directory.search(query == null || query.isBlank() ? null : query, null, PAGE, 0);
        List<SubscribersView.SubscriberItem> subscribers = found.subscribers().stream().map(s -> new SubscribersView.SubscriberItem(
                s.id(), s.channel().wire(), s.address(), s.confirmed(), s.allComponents() ? "all" : String.join(", ", s.components()),
                Words.time(s.createdAt(), zone))).toList();
        List<SubscribersView.EventItem> events = log.events(PAGE, 0).stream().map(e -> new SubscribersView.EventItem(e.id(), e.title(),
                e.kind(), Words.time(e.createdAt(), zone), e.deliveries().getOrDefault("pending", 0),
                e.deliveries().getOrDefault("sent", 0), e.deliveries().getOrDefault("dead", 0))).toList();
        List<SubscribersView.DeliveryItem> deliveries = eventId == 0 ? List.of() : log.deliveries(eventId, null, PAGE, 0).stream()
                .map(d -> new SubscribersView.DeliveryItem(d.id(), d.channel(), d.address(), d.status(), d.attempts(),
                        d.lastError() == null ? "" : d.lastError())).toList();
        pages.render(ctx, code, "admin/subscribers.jte", new SubscribersView(pages.chrome(ctx, "Subscribers", "subscribers"),
                query == null ? "" : query, found.total(), subscribers, events, eventId, deliveries, form));
    }
}
