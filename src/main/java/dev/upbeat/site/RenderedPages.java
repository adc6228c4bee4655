package dev.upbeat.site;

import dev.upbeat.status.PublicStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Pages rendered from one snapshot, kept until the next: a thousand visitors (or live updates to
 * a thousand open pages) cost one rendering each, not a thousand.
 */
final class RenderedPages {
    private static final int MAX_ENTRIES = 512;

    private PublicStatus snapshot;
    private final Map<String, byte[]> pages = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    /** Keyed by the snapshot itself, not its version: a rebuild without changes keeps the version but not the durations. */
    synchronized byte[] get(PublicStatus current, String key, Supplier<byte[]> render) {
        if (current != snapshot) {
            pages.clear();
            snapshot = current;
        }
        byte[] page = pages.get(key);
        if (page == null) {
            page = render.get();
            pages.put(key, page);
        }
        return page;
    }
}
