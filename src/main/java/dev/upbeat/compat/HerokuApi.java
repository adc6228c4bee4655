package dev.upbeat.compat;

import dev.upbeat.problem.Problem;
import dev.upbeat.status.PublicStatus;
import dev.upbeat.status.StatusSnapshots;
import dev.upbeat.web.Access;
import dev.upbeat.web.Caching;
import dev.upbeat.web.Endpoints;
import dev.upbeat.web.Params;
import dev.upbeat.web.PublicReads;
import dev.upbeat.web.RouteTable;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * Heroku's Status API, v4 and the legacy v3, answered from the snapshot. current-status is
 * rendered once per snapshot and always answers 200: the Heroku CLI falls back to another
 * vendor's API on any error.
 */
public final class HerokuApi implements Endpoints {
    private static final int DEFAULT_LIMIT = 50;
    // Clients written for Heroku may ask for more than we list; they get the most we give, not a 400.
    private static final int MAX_LIMIT = 500;

    private final StatusSnapshots snapshots;
    private final Caching caching;

    public HerokuApi(StatusSnapshots snapshots, Caching caching) {
        this.snapshots = snapshots;
        this.caching = caching;
    }

    @Override
    public void addRoutes(RouteTable r) {
        // Drop-in compatible reads for clients written for Heroku's and Statuspage's status APIs.
        r.read("/api/v4/current-status", rendered(CompatBodies.HEROKU_CURRENT_STATUS));
        r.get("/api/v4/incidents", this::incidents, Access.PUBLIC);
        r.get("/api/v4/incidents/{id}", this::incident, Access.PUBLIC);
        r.read("/api/v3/current-status", rendered(CompatBodies.HEROKU_LEGACY_CURRENT_STATUS));
        r.read("/api/v3/current-status.json", rendered(CompatBodies.HEROKU_LEGACY_CURRENT_STATUS));
        r.get("/api/v3/issues", this::legacyIssues, Access.PUBLIC);
        r.get("/api/v3/issues/{id}", this::legacyIssue, Access.PUBLIC);
    }

    /** {@code ?limit=N}: a bare array, newest first. */
    public void incidents(Context ctx) {
        PublicStatus s = snapshots.current();
        json(ctx, s, HerokuViews.incidents(s, limit(ctx)));
    }

    public void incident(Context ctx) {
        PublicStatus s = snapshots.current();
        long id = Params.id(ctx, "incident");
        json(ctx, s, HerokuViews.incident(s, id).orElseThrow(() -> Problem.notFound("incident", id)));
    }

    /** {@code ?since=YYYY-MM-DD} (a day of the page's time zone) {@code &limit=N}. */
    public void legacyIssues(Context ctx) {
        PublicStatus s = snapshots.current();
        json(ctx, s, HerokuLegacyViews.issues(s, since(ctx, ZoneId.of(s.page().timeZone())), limit(ctx)));
    }

    public void legacyIssue(Context ctx) {
        PublicStatus s = snapshots.current();
        long id = Params.id(ctx, "issue");
        json(ctx, s, HerokuLegacyViews.issue(s, id).orElseThrow(() -> Problem.notFound("issue", id)));
    }

    private static int limit(Context ctx) {
        return Math.min(MAX_LIMIT, Params.intQuery(ctx, "limit", DEFAULT_LIMIT, 1, Integer.MAX_VALUE));
    }

    private static Instant since(Context ctx, ZoneId zone) {
        String raw = Params.query(ctx, "since");
        if (raw == null) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip()).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw Problem.badRequest("since", "Query parameter 'since' must be a date like 2026-11-20; got '" + raw + "'");
        }
    }

    /** The body rendered under {@code key} with the current snapshot. */
    private PublicReads.Read rendered(String key) {
        return request -> {
            PublicStatus s = snapshots.current();
            return caching.json(s.etag(), s.rendered().get(key));
        };
    }

    private void json(Context ctx, PublicStatus s, Object body) {
        caching.json(ctx, s.etag(), StatusSnapshots.toJson(body));
    }
}
