package dev.upbeat.site;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Pages rendered from one snapshot, kept until the next: a thousand visitors (or live updates to
 * a thousand open pages) cost one rendering each, not a thousand.
 */
final class RenderedPages {
    private static final int MAX_ENTRIES = 512;

    private long version = -1;
    private final Map<String, byte[]> pages = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    synchronized byte[] get(long snapshotVersion, String key, Supplier<byte[]> render) {
        if (snapshotVersion != version) {
            pages.clear();
            version = snapshotVersion;
        }
        byte[] page = pages.get(key);
        if (page == null) {
            page = render.get();
            pages.put(key, page);
        }
        return page;
    }
}
