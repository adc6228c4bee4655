package dev.upbeat.admin;

import dev.upbeat.advisory.Draft;
import dev.upbeat.advisory.DraftChange;
import dev.upbeat.advisory.DraftService;
import dev.upbeat.advisory.Notice;
import dev.upbeat.web.Access;
import dev.upbeat.web.Endpoints;
import dev.upbeat.web.Params;
import dev.upbeat.web.RouteTable;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The board's drafts (written, changed, posted now, deleted) and its public notice. Every form
 * answers with the board; a refusal shows it again with the message beside the field. Audited.
 */
final class DraftPages implements Endpoints {
    private static final String COMPONENT = "component.";

    private final AdminPages pages;
    private final DraftService drafts;
    private final AdvisoryPages board;

    DraftPages(AdminPages pages, DraftService drafts, AdvisoryPages board) {
        this.pages = pages;
        this.drafts = drafts;
        this.board = board;
    }

    @Override
    public void addRoutes(RouteTable r) {
        r.post("/admin/advisories/{id}/drafts", this::create, Access.EDITOR);
        r.post("/admin/advisories/{id}/drafts/{draft}", this::update, Access.EDITOR);
        r.post("/admin/advisories/{id}/drafts/{draft}/post", this::post, Access.EDITOR);
        r.post("/admin/advisories/{id}/drafts/{draft}/delete", this::delete, Access.EDITOR);
        r.post("/admin/advisories/{id}/notice", this::notice, Access.EDITOR);
    }

    public void create(Context ctx) {
        long id = Params.id(ctx, "advisory");
        Map<String, String> v = AdminPages.values(ctx);
        pages.act(ctx, v, "/admin/advisories/" + id + "#drafts", () -> {
            Draft d = drafts.create(id, new DraftChange(v.get("kind"), v.get("title"), v.get("message"), null, null, null, null,
                    null, null, "disclosure".equals(v.get("schedule")), null));
            return change("advisory.draft.create", id, d, d.kind().wire() + ": " + d.title());
        }, (code, refused) -> board.show(ctx, code, id, refused, "new-draft"));
    }

    public void update(Context ctx) {
        long id = Params.id(ctx, "advisory");
        long draft = Params.longPath(ctx, "draft", "draft");
        Map<String, String> v = AdminPages.values(ctx);
        pages.act(ctx, v, "/admin/advisories/" + id + "#draft-" + draft, () -> {
            Draft d = drafts.update(id, draft, new DraftChange(null, v.get("title"), v.get("message"), blankIsNull(v.get("status")),
                    blankIsNull(v.get("impact")), components(v), null, null, null, "disclosure".equals(v.get("schedule")), null));
            return change("advisory.draft.update", id, d, d.title());
        }, (code, refused) -> board.show(ctx, code, id, refused, "draft-" + draft));
    }

    public void post(Context ctx) {
        long id = Params.id(ctx, "advisory");
        long draft = Params.longPath(ctx, "draft", "draft");
        Map<String, String> v = AdminPages.values(ctx);
        String actor = SessionGate.session(ctx).user().email();
        pages.act(ctx, v, "/admin/advisories/" + id + "#draft-" + draft, () -> {
            Draft d = drafts.post(id, draft, actor);
            return change("advisory.draft.post", id, d, "as " + d.kind().wire() + " " + d.incidentId());
        }, (code, refused) -> board.show(ctx, code, id, refused, "draft-" + draft));
    }

    public void delete(Context ctx) {
        long id = Params.id(ctx, "advisory");
        long draft = Params.longPath(ctx, "draft", "draft");
        Map<String, String> v = AdminPages.values(ctx);
        pages.act(ctx, v, "/admin/advisories/" + id + "#drafts", () -> {
            Draft d = drafts.get(id, draft);
            drafts.delete(id, draft);
            return change("advisory.draft.delete", id, d, d.title());
        }, (code, refused) -> board.show(ctx, code, id, refused, "draft-" + draft));
    }

    /** Saves the notice's text and whether it is published; the "remove" button takes it down and forgets it. */
    public void notice(Context ctx) {
        long id = Params.id(ctx, "advisory");
        Map<String, String> v = AdminPages.values(ctx);
        pages.act(ctx, v, "/admin/advisories/" + id + "#notice", () -> {
            if (v.containsKey("remove")) {
                drafts.removeNotice(id);
                return new Change("advisory.notice", "advisory " + id, "removed");
            }
            Notice n = drafts.saveNotice(id, v.get("text"), "on".equals(v.get("published")));
            return new Change("advisory.notice", "advisory " + id, n.published() ? "published" : "saved unpublished");
        }, (code, refused) -> board.show(ctx, code, id, refused, "notice"));
    }

    /** The status chosen per component ({@code component.<id>}); "" leaves the component out of the post. */
    private static Map<String, String> components(Map<String, String> values) {
        Map<String, String> chosen = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (name.startsWith(COMPONENT) && value != null && !value.isBlank()) {
                chosen.put(name.substring(COMPONENT.length()), value);
            }
        });
        return chosen;
    }

    private static String blankIsNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static Change change(String action, long advisory, Draft d, String detail) {
        return new Change(action, "advisory " + advisory + " / draft " + d.id(), detail);
    }
}
