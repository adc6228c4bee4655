package dev.upbeat.compat;

import dev.upbeat.status.PublicStatus;
import dev.upbeat.status.StatusSnapshots;
import dev.upbeat.web.Caching;
import dev.upbeat.web.Endpoints;
import dev.upbeat.web.PublicReads;
import dev.upbeat.web.RouteTable;

/**
 * Statuspage's public API v2 at the host root, where Atlassian's widget looks for it. Every
 * answer is a body rendered once per snapshot, served with the snapshot's ETag and CORS open.
 */
public final class StatuspageApi implements Endpoints {
    private final StatusSnapshots snapshots;
    private final Caching caching;

    public StatuspageApi(StatusSnapshots snapshots, Caching caching) {
        this.snapshots = snapshots;
        this.caching = caching;
    }

    @Override
    public void addRoutes(RouteTable r) {
        r.read("/api/v2/status.json", rendered(CompatBodies.STATUSPAGE_STATUS));
        r.read("/api/v2/summary.json", rendered(CompatBodies.STATUSPAGE_SUMMARY));
        r.read("/api/v2/components.json", rendered(CompatBodies.STATUSPAGE_COMPONENTS));
        r.read("/api/v2/incidents.json", rendered(CompatBodies.STATUSPAGE_INCIDENTS));
        r.read("/api/v2/incidents/unresolved.json", rendered(CompatBodies.STATUSPAGE_UNRESOLVED));
        r.read("/api/v2/scheduled-maintenances.json", rendered(CompatBodies.STATUSPAGE_MAINTENANCES));
        r.read("/api/v2/scheduled-maintenances/upcoming.json", rendered(CompatBodies.STATUSPAGE_UPCOMING));
        r.read("/api/v2/scheduled-maintenances/active.json", rendered(CompatBodies.STATUSPAGE_ACTIVE));
    }

    /** The body rendered under {@code key} with the current snapshot. */
    private PublicReads.Read rendered(String key) {
        return request -> {
            PublicStatus s = snapshots.current();
            return caching.json(s.etag(), s.rendered().get(key));
        };
    }
}
