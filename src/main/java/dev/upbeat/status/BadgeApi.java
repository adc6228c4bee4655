package dev.upbeat.status;

import dev.upbeat.problem.Problem;
import dev.upbeat.web.Access;
import dev.upbeat.web.Caching;
import dev.upbeat.web.Endpoints;
import dev.upbeat.web.RouteTable;
import io.javalin.http.Context;

/** Status badges (SVG) for embedding elsewhere, served as rendered with the current snapshot. */
public final class BadgeApi implements Endpoints {
    private final StatusSnapshots snapshots;
    private final Caching caching;

    public BadgeApi(StatusSnapshots snapshots, Caching caching) {
        this.snapshots = snapshots;
        this.caching = caching;
    }

    @Override
    public void addRoutes(RouteTable r) {
        r.read("/badge.svg", request -> {
            PublicStatus s = snapshots.current();
            return caching.answer(s.etag(), Badge.CONTENT_TYPE, s.rendered().get(XmlBodies.OVERALL_BADGE));
        });
        r.get("/components/{id}/badge.svg", this::component, Access.PUBLIC);
    }

    /** One component's badge; an unknown id is a 404 in the usual error shape, even with If-None-Match. */
    public void component(Context ctx) {
        PublicStatus s = snapshots.current();
        String id = ctx.pathParam("id");
        byte[] badge = s.component(id).map(c -> s.rendered().get(XmlBodies.componentBadge(c.id())))
                .orElseThrow(() -> Problem.notFound("component", id));
        caching.serve(ctx, s.etag(), Badge.CONTENT_TYPE, badge);
    }
}
