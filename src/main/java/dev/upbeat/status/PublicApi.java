package dev.upbeat.status;

import dev.upbeat.component.Component;
import dev.upbeat.incident.Incident;
import dev.upbeat.incident.IncidentStatus;
import dev.upbeat.incident.Kind;
import dev.upbeat.problem.Problem;
import dev.upbeat.web.Access;
import dev.upbeat.web.Caching;
import dev.upbeat.web.Endpoints;
import dev.upbeat.web.Params;
import dev.upbeat.web.PublicReads;
import dev.upbeat.web.RouteTable;
import io.javalin.http.Context;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/** Public reads of /api/v1, each answered from the current snapshot without touching the database. */
public final class PublicApi implements Endpoints {
    private static final int MAX_PER_PAGE = 100;

    private final StatusSnapshots snapshots;
    private final Caching caching;

    public PublicApi(StatusSnapshots snapshots, Caching caching) {
        this.snapshots = snapshots;
        this.caching = caching;
    }

    @Override
    public void addRoutes(RouteTable r) {
        r.read("/api/v1/status", rendered("status"));
        r.read("/api/v1/components", rendered("components"));
        r.get("/api/v1/components/{id}", this::component, Access.PUBLIC);
        r.get("/api/v1/components/{id}/uptime", this::componentUptime, Access.PUBLIC);
        r.read("/api/v1/groups", rendered("groups"));
        r.get("/api/v1/groups/{id}", this::group, Access.PUBLIC);
        r.get("/api/v1/incidents", this::incidents, Access.PUBLIC);
        r.get("/api/v1/incidents/{id}", this::incident, Access.PUBLIC);
        r.get("/api/v1/maintenances", this::maintenances, Access.PUBLIC);
        r.get("/api/v1/maintenances/{id}", this::maintenance, Access.PUBLIC);
        r.read("/api/v1/uptime", rendered("uptime"));
    }

    /** Windows latest first, optionally filtered, paged like {@link #incidents}. */
    public void maintenances(Context ctx) {
        PublicStatus s = snapshots.current();
        paged(ctx, s, "maintenances", Kind.MAINTENANCE, s.maintenances(), m -> NativeViews.maintenance(s, m));
    }

    public void component(Context ctx) {
        PublicStatus s = snapshots.current();
        json(ctx, s, NativeViews.component(s, component(s, ctx)));
    }

    public void componentUptime(Context ctx) {
        PublicStatus s = snapshots.current();
        Component c = component(s, ctx);
        json(ctx, s, NativeViews.uptime(c, s.uptime().get(c.id())));
    }

    public void group(Context ctx) {
        PublicStatus s = snapshots.current();
        String id = ctx.pathParam("id");
        json(ctx, s, NativeViews.group(s, s.group(id).orElseThrow(() -> Problem.notFound("group", id))));
    }

    /** Incidents newest first, optionally filtered, paged with Link and X-Total-Count headers. */
    public void incidents(Context ctx) {
        PublicStatus s = snapshots.current();
        paged(ctx, s, "incidents", Kind.INCIDENT, s.incidents(), i -> NativeViews.incident(s, i, s.generatedAt()));
    }

    /**
     * One page of {@code all} (in its order) kept by {@code ?status}, the views made for that page
     * alone: however long the history, an answer makes at most {@link #MAX_PER_PAGE} of them. The
     * total is in X-Total-Count and the next page, if any, in Link.
     */
    private void paged(Context ctx, PublicStatus s, String path, Kind kind, List<Incident> all, Function<Incident, ?> view) {
        String status = Params.query(ctx, "status");
        Predicate<Incident> filter = status == null ? i -> true : statusFilter(kind, status);
        int page = Params.intQuery(ctx, "page", 1, 1, Integer.MAX_VALUE);
        int perPage = Params.intQuery(ctx, "per_page", 20, 1, MAX_PER_PAGE);
        List<Incident> matching = status == null ? all : all.stream().filter(filter).toList();
        List<?> pageItems = matching.stream().skip((long) (page - 1) * perPage).limit(perPage).map(view).toList();
        ctx.header("X-Total-Count", Integer.toString(matching.size()));
        if ((long) page * perPage < matching.size()) {
            ctx.header("Link", "<" + s.page().url() + "/api/v1/" + path + "?page=" + (page + 1) + "&per_page=" + perPage
                    + (status == null ? "" : "&status=" + status) + ">; rel=\"next\"");
        }
        json(ctx, s, pageItems);
    }

    public void incident(Context ctx) {
        PublicStatus s = snapshots.current();
        long id = Params.id(ctx, "incident");
        json(ctx, s, NativeViews.incident(s, s.incident(id).orElseThrow(() -> Problem.notFound("incident", id)), s.generatedAt()));
    }

    public void maintenance(Context ctx) {
        PublicStatus s = snapshots.current();
        long id = Params.id(ctx, "maintenance");
        json(ctx, s, NativeViews.maintenance(s, s.maintenance(id).orElseThrow(() -> Problem.notFound("maintenance", id))));
    }

    /** "open", "closed" or one lifecycle status of the given kind. */
    private static Predicate<Incident> statusFilter(Kind kind, String status) {
        return switch (status) {
            case "open" -> i -> i.status().isOpen();
            case "closed" -> i -> !i.status().isOpen();
            default -> {
                IncidentStatus wanted = IncidentStatus.fromWire(kind, status).orElseThrow(() -> Problem.badRequest("status",
                        "Query parameter 'status' must be open, closed or one of " + IncidentStatus.allowedValues(kind)
                                + "; got '" + status + "'"));
                yield i -> i.status() == wanted;
            }
        };
    }

    private static Component component(PublicStatus s, Context ctx) {
        String id = ctx.pathParam("id");
        return s.component(id).orElseThrow(() -> Problem.notFound("component", id));
    }

    /** The body rendered under {@code key} with the current snapshot. */
    private PublicReads.Read rendered(String key) {
        return request -> {
            PublicStatus s = snapshots.current();
            return caching.json(s.etag(), s.rendered().get(key));
        };
    }

    private void json(Context ctx, PublicStatus s, Object body) {
        caching.json(ctx, s.etag(), StatusSnapshots.toJson(body));
    }
}
