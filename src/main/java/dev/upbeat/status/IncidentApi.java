package dev.upbeat.status;

import dev.upbeat.incident.Incident;
import dev.upbeat.incident.IncidentDraft;
import dev.upbeat.incident.IncidentEdit;
import dev.upbeat.incident.IncidentService;
import dev.upbeat.incident.MaintenanceDraft;
import dev.upbeat.incident.MaintenanceService;
import dev.upbeat.incident.UpdateDraft;
import dev.upbeat.problem.Problem;
import dev.upbeat.web.Access;
import dev.upbeat.web.Bodies;
import dev.upbeat.web.Endpoints;
import dev.upbeat.web.Params;
import dev.upbeat.web.RouteTable;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Token-only writes for incidents and maintenance, answered with the public view of the result. */
public final class IncidentApi implements Endpoints {
    private final IncidentService incidents;
    private final MaintenanceService maintenances;
    private final Bodies bodies;
    private final StatusSnapshots snapshots;
    private final Clock clock;

    public IncidentApi(IncidentService incidents, MaintenanceService maintenances, Bodies bodies, StatusSnapshots snapshots,
                       Clock clock) {
        this.incidents = incidents;
        this.maintenances = maintenances;
        this.bodies = bodies;
        this.snapshots = snapshots;
        this.clock = clock;
    }

    @Override
    public void addRoutes(RouteTable r) {
        r.post("/api/v1/incidents", this::open, Access.TOKEN);
        r.patch("/api/v1/incidents/{id}", this::edit, Access.TOKEN);
        r.post("/api/v1/incidents/{id}/updates", this::postUpdate, Access.TOKEN);
        r.post("/api/v1/incidents/{id}/resolve", this::resolve, Access.TOKEN);
        r.post("/api/v1/maintenances", this::schedule, Access.TOKEN);
        r.patch("/api/v1/maintenances/{id}", this::change, Access.TOKEN);
        r.post("/api/v1/maintenances/{id}/updates", this::postMaintenanceUpdate, Access.TOKEN);
        r.post("/api/v1/maintenances/{id}/start", this::start, Access.TOKEN);
        r.post("/api/v1/maintenances/{id}/complete", this::complete, Access.TOKEN);
        r.post("/api/v1/maintenances/{id}/cancel", this::cancel, Access.TOKEN);
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
        ctx.status(201).header("Location", "/api/v1/incidents/" + i.id()).json(incidentView(i.id()));
    }

    public void postUpdate(Context ctx) {
        UpdateRequest r = bodies.read(ctx, UpdateRequest.class);
        Incident i = incidents.postUpdate(Params.id(ctx, "incident"), new UpdateDraft(r.status(), r.message(), r.components(), r.notifySubscribers()));
        ctx.status(201).json(incidentView(i.id()));
    }

    public void resolve(Context ctx) {
        ResolveRequest r = optionalBody(ctx, ResolveRequest.class, new ResolveRequest(null, null));
        Incident i = incidents.resolve(Params.id(ctx, "incident"), r.message(), r.notifySubscribers());
        ctx.json(incidentView(i.id()));
    }

    public void edit(Context ctx) {
        EditRequest r = bodies.read(ctx, EditRequest.class);
        Incident i = incidents.edit(Params.id(ctx, "incident"), new IncidentEdit(r.title(), r.impact(), r.startedAt(), r.postmortem()));
        ctx.json(incidentView(i.id()));
    }

    public void schedule(Context ctx) {
        Incident m = maintenances.schedule(draft(bodies.read(ctx, MaintenanceRequest.class)));
        ctx.status(201).header("Location", "/api/v1/maintenances/" + m.id()).json(maintenanceView(m.id()));
    }

    public void change(Context ctx) {
        Incident m = maintenances.change(Params.id(ctx, "maintenance"), draft(bodies.read(ctx, MaintenanceRequest.class)));
        ctx.json(maintenanceView(m.id()));
    }

    public void postMaintenanceUpdate(Context ctx) {
        UpdateRequest r = bodies.read(ctx, UpdateRequest.class);
        Incident m = maintenances.postUpdate(Params.id(ctx, "maintenance"), new UpdateDraft(r.status(), r.message(), r.components(), r.notifySubscribers()));
        ctx.status(201).json(maintenanceView(m.id()));
    }

    public void start(Context ctx) {
        long id = Params.id(ctx, "maintenance");
        ctx.json(maintenanceView(maintenances.start(id, message(ctx)).id()));
    }

    public void complete(Context ctx) {
        long id = Params.id(ctx, "maintenance");
        ctx.json(maintenanceView(maintenances.complete(id, message(ctx)).id()));
    }

    public void cancel(Context ctx) {
        long id = Params.id(ctx, "maintenance");
        ctx.json(maintenanceView(maintenances.cancel(id, message(ctx)).id()));
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

    /** The write's result as the public API shows it, from the snapshot its commit rebuilt. */
    private Object incidentView(long id) {
        PublicStatus s = snapshots.current();
        return NativeViews.incident(s, s.incident(id).orElseThrow(() -> Problem.notFound("incident", id)), clock.instant());
    }

    private Object maintenanceView(long id) {
        PublicStatus s = snapshots.current();
        return NativeViews.maintenance(s, s.maintenance(id).orElseThrow(() -> Problem.notFound("maintenance", id)));
    }
}
