package dev.upbeat.site;

import dev.upbeat.status.PublicStatus;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Pages rendered from one snapshot, kept until the next: a thousand visitors (or live updates to
 * a thousand open pages) cost one rendering each, not a thousand. Reads take no lock (the home page
 * is read on the server's own threads, which must not wait); two requests missing the same page at
 * once may both render it, and one copy is kept.
 */
final class RenderedPages {
    /** At most this many pages are kept: the keys are parsed parameters, but a crawler can still walk them all. */
    static final int MAX_ENTRIES = 512;

    private record Pages(PublicStatus snapshot, Map<String, byte[]> byKey) {
    }

    private volatile Pages current = new Pages(null, new ConcurrentHashMap<>());

    /** Keyed by the snapshot itself, not its version: a rebuild without changes keeps the version but not the durations. */
    byte[] get(PublicStatus snapshot, String key, Supplier<byte[]> render) {
        Pages pages = current;
        if (pages.snapshot() != snapshot) {
            pages = new Pages(snapshot, new ConcurrentHashMap<>());
            current = pages;
        }
        byte[] page = pages.byKey().get(key);
        if (page == null) {
            page = render.get();
            if (pages.byKey().size() >= MAX_ENTRIES) {
                // Full: start over rather than track use on every read; the pages in demand come back at once.
                pages.byKey().clear();
            }
            byte[] kept = pages.byKey().putIfAbsent(key, page);
            page = kept != null ? kept : page;
        }
        return page;
    }

    /** How many pages are kept now. */
    int size() {
        return current.byKey().size();
    }
}
