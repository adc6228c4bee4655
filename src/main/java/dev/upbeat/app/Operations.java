package dev.upbeat.app;

import dev.upbeat.status.PublicStatus;
import dev.upbeat.status.StatusSnapshots;
import dev.upbeat.web.Access;
import dev.upbeat.web.Endpoints;
import dev.upbeat.web.RouteTable;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Endpoints for whoever runs Upbeat: a health check that needs no database (the page keeps
 * serving its last snapshot when the database is away, so it stays 200 and says in its body
 * whether the database answers and how old the snapshot is) and Prometheus metrics (with a token).
 */
public final class Operations implements Endpoints {
    private final StatusSnapshots snapshots;
    private final PrometheusMeterRegistry metrics;
    private final BooleanSupplier databaseUp;
    private final Clock clock;

    public Operations(StatusSnapshots snapshots, PrometheusMeterRegistry metrics, BooleanSupplier databaseUp, Clock clock) {
        this.snapshots = snapshots;
        this.metrics = metrics;
        this.databaseUp = databaseUp;
        this.clock = clock;
    }

    @Override
    public void addRoutes(RouteTable r) {
        r.get("/healthz", this::health, Access.PUBLIC);
        // Metrics name simulator targets and counts, which are token-only reads everywhere else.
        r.get("/metrics", this::metrics, Access.TOKEN);
    }

    public void health(Context ctx) {
        PublicStatus s = snapshots.current();
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("application/json").result("{\"status\":\"ok\",\"database\":\"" + (databaseUp.getAsBoolean() ? "up" : "down")
                + "\",\"snapshot_version\":" + s.version() + ",\"snapshot_age_seconds\":" + ageSeconds(s, clock) + "}");
    }

    /** Whole seconds since the snapshot was built, never negative. */
    static long ageSeconds(PublicStatus s, Clock clock) {
        return Math.max(0, Duration.between(s.generatedAt(), clock.instant()).toSeconds());
    }

    public void metrics(Context ctx) {
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
    }
}
