package dev.upbeat.status;

import dev.upbeat.web.Caching;
import io.javalin.http.Context;

/** The incident history as Atom and RSS feeds, served as rendered with the current snapshot. */
public final class FeedApi {
    private final StatusSnapshots snapshots;
    private final Caching caching;

    public FeedApi(StatusSnapshots snapshots, Caching caching) {
        this.snapshots = snapshots;
        this.caching = caching;
    }

    public void atom(Context ctx) {
        PublicStatus s = snapshots.current();
        caching.serve(ctx, s, AtomFeed.CONTENT_TYPE, s.rendered().get(XmlBodies.ATOM));
    }

    public void rss(Context ctx) {
        PublicStatus s = snapshots.current();
        caching.serve(ctx, s, RssFeed.CONTENT_TYPE, s.rendered().get(XmlBodies.RSS));
    }
}
