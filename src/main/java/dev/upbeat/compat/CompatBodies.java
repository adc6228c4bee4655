package dev.upbeat.compat;

import dev.upbeat.status.FixedBodies;
import dev.upbeat.status.PublicStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The compatible endpoints that take no parameters, rendered once per snapshot by
 * {@link dev.upbeat.status.StatusSnapshots}; the handlers only copy the bytes. The keys name the
 * endpoint they serve.
 */
public final class CompatBodies implements FixedBodies {
    static final String HEROKU_CURRENT_STATUS = "heroku/v4/current-status";
    static final String HEROKU_LEGACY_CURRENT_STATUS = "heroku/v3/current-status";
    static final String STATUSPAGE_STATUS = "statuspage/v2/status";
    static final String STATUSPAGE_SUMMARY = "statuspage/v2/summary";
    static final String STATUSPAGE_COMPONENTS = "statuspage/v2/components";
    static final String STATUSPAGE_INCIDENTS = "statuspage/v2/incidents";
    static final String STATUSPAGE_UNRESOLVED = "statuspage/v2/incidents/unresolved";
    static final String STATUSPAGE_MAINTENANCES = "statuspage/v2/scheduled-maintenances";
    static final String STATUSPAGE_UPCOMING = "statuspage/v2/scheduled-maintenances/upcoming";
    static final String STATUSPAGE_ACTIVE = "statuspage/v2/scheduled-maintenances/active";

    @Override
    public Map<String, Object> of(PublicStatus s) {
        return of(s, Parts.NONE);
    }

    /** The Statuspage views of the incidents and windows that did not change are taken from {@code parts}. */
    @Override
    public Map<String, Object> of(PublicStatus s, Parts parts) {
        Map<String, Object> bodies = new LinkedHashMap<>();
        bodies.put(HEROKU_CURRENT_STATUS, HerokuViews.currentStatus(s));
        bodies.put(HEROKU_LEGACY_CURRENT_STATUS, HerokuLegacyViews.currentStatus(s));
        bodies.put(STATUSPAGE_STATUS, StatuspageViews.status(s));
        bodies.put(STATUSPAGE_SUMMARY, StatuspageViews.summary(s, parts));
        bodies.put(STATUSPAGE_COMPONENTS, StatuspageViews.components(s));
        bodies.put(STATUSPAGE_INCIDENTS, StatuspageViews.incidents(s, parts));
        bodies.put(STATUSPAGE_UNRESOLVED, StatuspageViews.unresolved(s, parts));
        bodies.put(STATUSPAGE_MAINTENANCES, StatuspageViews.scheduledMaintenances(s, parts));
        bodies.put(STATUSPAGE_UPCOMING, StatuspageViews.upcoming(s, parts));
        bodies.put(STATUSPAGE_ACTIVE, StatuspageViews.active(s, parts));
        return bodies;
    }
}
