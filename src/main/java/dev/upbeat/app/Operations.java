package dev.upbeat.app;

import dev.upbeat.status.StatusSnapshots;
import dev.upbeat.web.Access;
import dev.upbeat.web.Endpoints;
import dev.upbeat.web.RouteTable;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * Endpoints for whoever runs Upbeat: a health check that needs no database (the page keeps
 * serving its last snapshot when the database is away) and Prometheus metrics (with a token).
 */
public final class Operations implements Endpoints {
    private final StatusSnapshots snapshots;
    private final PrometheusMeterRegistry metrics;

    public Operations(StatusSnapshots snapshots, PrometheusMeterRegistry metrics) {
        this.snapshots = snapshots;
        this.metrics = metrics;
    }

    @Override
    public void addRoutes(RouteTable r) {
        r.get("/healthz", this::health, Access.PUBLIC);
        // Metrics name simulator targets and counts, which are token-only reads everywhere else.
        r.get("/metrics", this::metrics, Access.TOKEN);
    }

    public void health(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("application/json").result("{\"status\":\"ok\",\"snapshot_version\":" + snapshots.current().version() + "}");
    }

    public void metrics(Context ctx) {
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
    }
}
