package dev.upbeat.web;

import dev.upbeat.status.StatusSnapshots;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * Endpoints for whoever runs Upbeat: a health check that needs no database (the page keeps
 * serving its last snapshot when the database is away) and Prometheus metrics.
 */
public final class Operations {
    private final StatusSnapshots snapshots;
    private final PrometheusMeterRegistry metrics;

    public Operations(StatusSnapshots snapshots, PrometheusMeterRegistry metrics) {
        this.snapshots = snapshots;
        this.metrics = metrics;
    }

    public void health(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("application/json").result("{\"status\":\"ok\",\"snapshot_version\":" + snapshots.current().version() + "}");
    }

    public void metrics(Context ctx) {
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
    }
}
