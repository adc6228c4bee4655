package dev.upbeat.status;

import dev.upbeat.web.Access;
import dev.upbeat.web.Caching;
import dev.upbeat.web.Endpoints;
import dev.upbeat.web.RouteTable;
import io.javalin.http.Context;

/** The incident history as Atom and RSS feeds, served as rendered with the current snapshot. */
public final class FeedApi implements Endpoints {
    private final StatusSnapshots snapshots;
    private final Caching caching;

    public FeedApi(StatusSnapshots snapshots, Caching caching) {
        this.snapshots = snapshots;
        this.caching = caching;
    }

    @Override
    public void addRoutes(RouteTable r) {
        r.get("/history.atom", this::atom, Access.PUBLIC);
        r.get("/history.rss", this::rss, Access.PUBLIC);
    }

    public void atom(Context ctx) {
        PublicStatus s = snapshots.current();
        caching.serve(ctx, s.etag(), AtomFeed.CONTENT_TYPE, s.rendered().get(XmlBodies.ATOM));
    }

    public void rss(Context ctx) {
        PublicStatus s = snapshots.current();
        caching.serve(ctx, s.etag(), RssFeed.CONTENT_TYPE, s.rendered().get(XmlBodies.RSS));
    }
}
