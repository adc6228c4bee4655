package dev.upbeat.probe;

import dev.upbeat.web.Bodies;
import dev.upbeat.web.Params;
import io.javalin.http.Context;

/**
 * Token-only handlers for probes: a probe's headers may carry credentials of the target, so even
 * reading them needs a token. Public pages show only what the probes measured.
 */
public final class ProbeApi {
    private static final int MAX_RESULTS = 1000;

    private final ProbeService probes;
    private final Bodies bodies;

    public ProbeApi(ProbeService probes, Bodies bodies) {
        this.probes = probes;
        this.bodies = bodies;
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
