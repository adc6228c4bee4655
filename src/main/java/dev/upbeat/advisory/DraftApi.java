package dev.upbeat.advisory;

import dev.upbeat.web.Access;
import dev.upbeat.web.Bodies;
import dev.upbeat.web.Endpoints;
import dev.upbeat.web.Params;
import dev.upbeat.web.RouteTable;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An advisory's prepared communication: its drafts (posted now, or when due) and its public
 * notice. Reads need a token too: a draft under embargo says what is coming.
 */
public final class DraftApi implements Endpoints {
    private final DraftService drafts;
    private final AdvisoryService advisories;
    private final Bodies bodies;

    public DraftApi(DraftService drafts, AdvisoryService advisories, Bodies bodies) {
        this.drafts = drafts;
        this.advisories = advisories;
        this.bodies = bodies;
    }

    @Override
    public void addRoutes(RouteTable r) {
        r.get("/api/v1/advisories/{id}/drafts", this::list, Access.TOKEN);
        r.post("/api/v1/advisories/{id}/drafts", this::create, Access.TOKEN);
        r.get("/api/v1/advisories/{id}/drafts/{draft}", this::get, Access.TOKEN);
        r.patch("/api/v1/advisories/{id}/drafts/{draft}", this::update, Access.TOKEN);
        r.delete("/api/v1/advisories/{id}/drafts/{draft}", this::delete, Access.TOKEN);
        r.post("/api/v1/advisories/{id}/drafts/{draft}/post", this::post, Access.TOKEN);
        r.get("/api/v1/advisories/{id}/notice", this::notice, Access.TOKEN);
        r.put("/api/v1/advisories/{id}/notice", this::saveNotice, Access.TOKEN);
        r.delete("/api/v1/advisories/{id}/notice", this::removeNotice, Access.TOKEN);
    }

    /**
     * @param dueAt         when it posts on its own (post_at, or the advisory's disclosure), null if only by hand
     * @param incidentId    the incident it became (kind incident), once posted
     * @param maintenanceId the maintenance it became (kind maintenance), once posted
     */
    public record DraftView(long id, long advisory, String kind, String title, String message, String status, String impact,
                            Map<String, String> components, Instant scheduledFor, Instant scheduledUntil,
                            boolean notifySubscribers, boolean postAtDisclosure, Instant postAt, Instant dueAt, String postError,
                            Instant postedAt, String postedBy, Long incidentId, Long maintenanceId, Instant createdAt,
                            Instant updatedAt) {
        static DraftView of(Draft d, Instant disclosureAt) {
            boolean incident = d.kind() == DraftKind.INCIDENT;
            return new DraftView(d.id(), d.advisoryId(), d.kind().wire(), d.title(), d.message(), d.status(), d.impact(),
                    d.components(), d.scheduledFor(), d.scheduledUntil(), d.notifySubscribers(), d.postAtDisclosure(), d.postAt(),
                    d.dueAt(disclosureAt), d.postError(), d.postedAt(), d.postedBy(), incident ? d.incidentId() : null,
                    incident ? null : d.incidentId(), d.createdAt(), d.updatedAt());
        }
    }

    public record DraftsView(List<DraftView> drafts) {
    }

    public record NoticeRequest(String text, Boolean published) {
    }

    public record NoticeView(long advisory, String text, boolean published, Instant publishedAt) {
        static NoticeView of(Notice n) {
            return new NoticeView(n.advisoryId(), n.text(), n.published(), n.publishedAt());
        }
    }

    public void list(Context ctx) {
        long advisory = Params.id(ctx, "advisory");
        List<Draft> all = drafts.list(advisory);
        Instant disclosure = advisories.get(advisory).disclosureAt();
        ctx.json(new DraftsView(all.stream().map(d -> DraftView.of(d, disclosure)).toList()));
    }

    public void create(Context ctx) {
        long advisory = Params.id(ctx, "advisory");
        Draft d = drafts.create(advisory, bodies.read(ctx, DraftChange.class));
        ctx.status(201).header("Location", "/api/v1/advisories/" + advisory + "/drafts/" + d.id()).json(view(d));
    }

    public void get(Context ctx) {
        ctx.json(view(drafts.get(Params.id(ctx, "advisory"), draftId(ctx))));
    }

    public void update(Context ctx) {
        long advisory = Params.id(ctx, "advisory");
        long draft = draftId(ctx);
        ctx.json(view(drafts.update(advisory, draft, bodies.read(ctx, DraftChange.class))));
    }

    public void delete(Context ctx) {
        drafts.delete(Params.id(ctx, "advisory"), draftId(ctx));
        ctx.status(204);
    }

    /** Posts it now, as the caller; the answer says what it became. A second post is refused (409). */
    public void post(Context ctx) {
        ctx.json(view(drafts.post(Params.id(ctx, "advisory"), draftId(ctx), Params.caller(ctx))));
    }

    public void notice(Context ctx) {
        ctx.json(NoticeView.of(drafts.notice(Params.id(ctx, "advisory"))));
    }

    public void saveNotice(Context ctx) {
        long advisory = Params.id(ctx, "advisory");
        NoticeRequest r = bodies.read(ctx, NoticeRequest.class);
        ctx.json(NoticeView.of(drafts.saveNotice(advisory, r.text(), r.published())));
    }

    public void removeNotice(Context ctx) {
        drafts.removeNotice(Params.id(ctx, "advisory"));
        ctx.status(204);
    }

    private DraftView view(Draft d) {
        return DraftView.of(d, advisories.get(d.advisoryId()).disclosureAt());
    }

    private static long draftId(Context ctx) {
        return Params.longPath(ctx, "draft", "draft");
    }
}
