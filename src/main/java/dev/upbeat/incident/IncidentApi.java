package dev.upbeat.incident;

import dev.upbeat.web.Bodies;
import dev.upbeat.web.Params;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/** Token-only writes for incidents and maintenance, answered with the public view of the result. */
public final class IncidentApi {
    private final IncidentService incidents;
    private final MaintenanceService maintenances;
    private final Bodies bodies;
    private final LongFunction<Object> incidentView;
    private final LongFunction<Object> maintenanceView;

    public IncidentApi(IncidentService incidents, MaintenanceService maintenances, Bodies bodies,
                       LongFunction<Object> incidentView, LongFunction<Object> maintenanceView) {
        this.incidents = incidents;
        this.maintenances = maintenances;
        this.bodies = bodies;
        this.incidentView = incidentView;
        this.maintenanceView = maintenanceView;
    }

    public record OpenRequest(String title, String status, String impact, String message, Map<String, String> components,
                              Instant startedAt, Instant resolvedAt, Boolean notifySubscribers) {
    }

    public record UpdateRequest(String status, String message, Map<String, String> components, Boolean notifySubscribers) {
    }

    public record ResolveRequest(String message, Boolean notifySubscribers) {
    }

    public record EditRequest(String title, String impact, Instant startedAt, String postmortem) {
    }

    public record MaintenanceRequest(String title, String message, List<String> components, String scheduledFor,
                                     String scheduledUntil, String timeZone, Boolean autoStart, Boolean autoComplete,
                                     Boolean notifySubscribers) {
    }

    public record MessageRequest(String message) {
    }

    public void open(Context ctx) {
        OpenRequest r = bodies.read(ctx, OpenRequest.class);
        Incident i = incidents.open(new IncidentDraft(r.title(), r.status(), r.impact(), r.message(), r.components(),
                r.startedAt(), r.resolvedAt(), r.notifySubscribers()));
        ctx.status(201).header("Location", "/api/v1/incidents/" + i.id()).json(incidentView.apply(i.id()));
    }

    public void postUpdate(Context ctx) {
        UpdateRequest r = bodies.read(ctx, UpdateRequest.class);
        Incident i = incidents.postUpdate(Params.id(ctx, "incident"), new UpdateDraft(r.status(), r.message(), r.components(), r.notifySubscribers()));
        ctx.status(201).json(incidentView.apply(i.id()));
    }

    public void resolve(Context ctx) {
        ResolveRequest r = optionalBody(ctx, ResolveRequest.class, new ResolveRequest(null, null));
        Incident i = incidents.resolve(Params.id(ctx, "incident"), r.message(), r.notifySubscribers());
        ctx.json(incidentView.apply(i.id()));
    }

    public void edit(Context ctx) {
        EditRequest r = bodies.read(ctx, EditRequest.class);
        Incident i = incidents.edit(Params.id(ctx, "incident"), new IncidentEdit(r.title(), r.impact(), r.startedAt(), r.postmortem()));
        ctx.json(incidentView.apply(i.id()));
    }

    public void schedule(Context ctx) {
        Incident m = maintenances.schedule(draft(bodies.read(ctx, MaintenanceRequest.class)));
        ctx.status(201).header("Location", "/api/v1/maintenances/" + m.id()).json(maintenanceView.apply(m.id()));
    }

    public void change(Context ctx) {
        Incident m = maintenances.change(Params.id(ctx, "maintenance"), draft(bodies.read(ctx, MaintenanceRequest.class)));
        ctx.json(maintenanceView.apply(m.id()));
    }

    public void postMaintenanceUpdate(Context ctx) {
        UpdateRequest r = bodies.read(ctx, UpdateRequest.class);
        Incident m = maintenances.postUpdate(Params.id(ctx, "maintenance"), new UpdateDraft(r.status(), r.message(), r.components(), r.notifySubscribers()));
        ctx.status(201).json(maintenanceView.apply(m.id()));
    }

    public void start(Context ctx) {
        long id = Params.id(ctx, "maintenance");
        ctx.json(maintenanceView.apply(maintenances.start(id, message(ctx)).id()));
    }

    public void complete(Context ctx) {
        long id = Params.id(ctx, "maintenance");
        ctx.json(maintenanceView.apply(maintenances.complete(id, message(ctx)).id()));
    }

    public void cancel(Context ctx) {
        long id = Params.id(ctx, "maintenance");
        ctx.json(maintenanceView.apply(maintenances.cancel(id, message(ctx)).id()));
    }

    private String message(Context ctx) {
        return optionalBody(ctx, MessageRequest.class, new MessageRequest(null)).message();
    }

    /** Shorthand calls (resolve, start, ...) may come with no body at all. */
    private <T> T optionalBody(Context ctx, Class<T> type, T fallback) {
        boolean empty = ctx.req().getContentLengthLong() == 0
                || (ctx.req().getContentLengthLong() < 0 && ctx.header("Transfer-Encoding") == null);
        return empty ? fallback : bodies.read(ctx, type);
    }

    private static MaintenanceDraft draft(MaintenanceRequest r) {
        return new MaintenanceDraft(r.title(), r.message(), r.components(), r.scheduledFor(), r.scheduledUntil(),
                r.timeZone(), r.autoStart(), r.autoComplete(), r.notifySubscribers());
    }
}
