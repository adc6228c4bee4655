package dev.upbeat.compat;

import dev.upbeat.status.PublicStatus;
import dev.upbeat.status.StatusSnapshots;
import dev.upbeat.web.Access;
import dev.upbeat.web.Caching;
import dev.upbeat.web.Endpoints;
import dev.upbeat.web.RouteTable;
import io.javalin.http.Context;

/**
 * Statuspage's public API v2 at the host root, where Atlassian's widget looks for it. Every
 * answer is a body rendered once per snapshot, served with the snapshot's ETag and CORS open.
 */
public final class StatuspageApi implements Endpoints {
    private final StatusSnapshots snapshots;
    private final Caching caching;

    public StatuspageApi(StatusSnapshots snapshots, Caching caching) {
        this.snapshots = snapshots;
        this.caching = caching;
    }

    @Override
    public void addRoutes(RouteTable r) {
        r.get("/api/v2/status.json", this::status, Access.PUBLIC);
        r.get("/api/v2/summary.json", this::summary, Access.PUBLIC);
        r.get("/api/v2/components.json", this::components, Access.PUBLIC);
        r.get("/api/v2/incidents.json", this::incidents, Access.PUBLIC);
        r.get("/api/v2/incidents/unresolved.json", this::unresolvedIncidents, Access.PUBLIC);
        r.get("/api/v2/scheduled-maintenances.json", this::scheduledMaintenances, Access.PUBLIC);
        r.get("/api/v2/scheduled-maintenances/upcoming.json", this::upcomingMaintenances, Access.PUBLIC);
        r.get("/api/v2/scheduled-maintenances/active.json", this::activeMaintenances, Access.PUBLIC);
    }

    public void status(Context ctx) {
        rendered(ctx, CompatBodies.STATUSPAGE_STATUS);
    }

    public void summary(Context ctx) {
        rendered(ctx, CompatBodies.STATUSPAGE_SUMMARY);
    }

    public void components(Context ctx) {
        rendered(ctx, CompatBodies.STATUSPAGE_COMPONENTS);
    }

    public void incidents(Context ctx) {
        rendered(ctx, CompatBodies.STATUSPAGE_INCIDENTS);
    }

    public void unresolvedIncidents(Context ctx) {
        rendered(ctx, CompatBodies.STATUSPAGE_UNRESOLVED);
    }

    public void scheduledMaintenances(Context ctx) {
        rendered(ctx, CompatBodies.STATUSPAGE_MAINTENANCES);
    }

    public void upcomingMaintenances(Context ctx) {
        rendered(ctx, CompatBodies.STATUSPAGE_UPCOMING);
    }

    public void activeMaintenances(Context ctx) {
        rendered(ctx, CompatBodies.STATUSPAGE_ACTIVE);
    }

    private void rendered(Context ctx, String key) {
        PublicStatus s = snapshots.current();
        caching.json(ctx, s.etag(), s.rendered().get(key));
    }
}
