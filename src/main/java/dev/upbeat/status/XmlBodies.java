package dev.upbeat.status;

import java.util.HashMap;
import java.util.Map;

/**
 * The XML bodies of a snapshot (both history feeds, the overall badge and one badge per
 * component), rendered once when the snapshot is built so that no request serialises anything.
 * Each key is the path the body is served at, relative to the page's address.
 */
final class XmlBodies {
    static final String ATOM = "history.atom";
    static final String RSS = "history.rss";
    static final String OVERALL_BADGE = "badge.svg";

    private XmlBodies() {
    }

    static String componentBadge(String componentId) {
        return "components/" + componentId + "/badge.svg";
    }

    static Map<String, byte[]> render(PublicStatus s) {
        return render(s, new ReusedParts());
    }

    static Map<String, byte[]> render(PublicStatus s, ReusedParts reused) {
        Feed feed = Feed.of(s, reused);
        Map<String, byte[]> bodies = new HashMap<>();
        bodies.put(ATOM, AtomFeed.render(feed, s.page().url() + "/" + ATOM, reused));
        bodies.put(RSS, RssFeed.render(feed, s.page().url() + "/" + RSS, reused));
        bodies.put(OVERALL_BADGE, Badge.overall(s).svg());
        s.components().forEach(c -> bodies.put(componentBadge(c.id()), Badge.of(c).svg()));
        return bodies;
    }
}
