package dev.upbeat.probe;

import dev.upbeat.web.Access;
import dev.upbeat.web.Bodies;
import dev.upbeat.web.Endpoints;
import dev.upbeat.web.Params;
import dev.upbeat.web.RouteTable;
import io.javalin.http.Context;

/**
 * Token-only handlers for probes: a probe's headers may carry credentials of the target, so even
 * reading them needs a token. Public pages show only what the probes measured.
 */
public final class ProbeApi implements Endpoints {
    private static final int MAX_RESULTS = 1000;

    private final ProbeService probes;
    private final Bodies bodies;

    public ProbeApi(ProbeService probes, Bodies bodies) {
        this.probes = probes;
        this.bodies = bodies;
    }

    @Override
    public void addRoutes(RouteTable r) {
        // Probes: token-only, reads too (headers may hold the target's credentials).
        r.post("/api/v1/probes", this::create, Access.TOKEN);
        r.get("/api/v1/probes", this::list, Access.TOKEN);
        r.get("/api/v1/probes/{id}", this::get, Access.TOKEN);
        r.patch("/api/v1/probes/{id}", this::update, Access.TOKEN);
        r.delete("/api/v1/probes/{id}", this::delete, Access.TOKEN);
        r.get("/api/v1/probes/{id}/results", this::results, Access.TOKEN);
    }

    public void create(Context ctx) {
        Probe p = probes.create(bodies.read(ctx, ProbeDraft.class));
        ctx.status(201).header("Location", "/api/v1/probes/" + p.id()).json(ProbeView.of(p));
    }

    public void list(Context ctx) {
        ctx.json(probes.list().stream().map(ProbeView::of).toList());
    }

    public void get(Context ctx) {
        ctx.json(ProbeView.of(probes.get(ctx.pathParam("id"))));
    }

    public void update(Context ctx) {
        ctx.json(ProbeView.of(probes.update(ctx.pathParam("id"), bodies.read(ctx, ProbeDraft.class))));
    }

    public void delete(Context ctx) {
        probes.delete(ctx.pathParam("id"));
        ctx.status(204);
    }

    /** The latest raw results, newest first ({@code ?limit=}, default 100). */
    public void results(Context ctx) {
        int limit = Params.intQuery(ctx, "limit", 100, 1, MAX_RESULTS);
        ctx.json(probes.latestResults(ctx.pathParam("id"), limit).stream().map(ProbeView.ResultView::of).toList());
    }
}
