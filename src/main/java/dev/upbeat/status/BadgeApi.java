package dev.upbeat.status;

import dev.upbeat.problem.Problem;
import dev.upbeat.web.Caching;
import io.javalin.http.Context;

/** Status badges (SVG) for embedding elsewhere, served as rendered with the current snapshot. */
public final class BadgeApi {
    private final StatusSnapshots snapshots;
    private final Caching caching;

    public BadgeApi(StatusSnapshots snapshots, Caching caching) {
        this.snapshots = snapshots;
        this.caching = caching;
    }

    public void overall(Context ctx) {
        PublicStatus s = snapshots.current();
        caching.serve(ctx, s, Badge.CONTENT_TYPE, s.rendered().get(XmlBodies.OVERALL_BADGE));
    }

    /** One component's badge; an unknown id is a 404 in the usual error shape, even with If-None-Match. */
    public void component(Context ctx) {
        PublicStatus s = snapshots.current();
        String id = ctx.pathParam("id");
        byte[] badge = s.component(id).map(c -> s.rendered().get(XmlBodies.componentBadge(c.id())))
                .orElseThrow(() -> Problem.notFound("component", id));
        caching.serve(ctx, s, Badge.CONTENT_TYPE, badge);
    }
}
