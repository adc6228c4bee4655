package dev.upbeat.admin;

import dev.upbeat.advisory.ActionItem;
import dev.upbeat.advisory.ActionState;
import dev.upbeat.advisory.AdvisoryService;
import dev.upbeat.advisory.DraftService;
import dev.upbeat.advisory.ResponseBoard;
import dev.upbeat.web.Access;
import dev.upbeat.web.Endpoints;
import dev.upbeat.web.Params;
import dev.upbeat.web.RouteTable;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The response board: the advisories, and per advisory the countdown to disclosure, the exposure by
 * priority, the action items with owners and overdue marks, progress, and the review exports.
 * Editors run a response as they run an incident; every move is audited.
 */
public final class AdvisoryPages implements Endpoints {
    private final AdminPages pages;
    private final AdvisoryService advisories;
    private final DraftService drafts;
    private final ZoneId zone;
    private final Clock clock;

    public AdvisoryPages(AdminPages pages, AdvisoryService advisories, DraftService drafts, ZoneId zone, Clock clock) {
        this.pages = pages;
        this.advisories = advisories;
        this.drafts = drafts;
        this.zone = zone;
        this.clock = clock;
    }

    @Override
    public void addRoutes(RouteTable r) {
        r.get("/admin/advisories", this::list, Access.EDITOR);
        r.get("/admin/advisories/{id}", this::board, Access.EDITOR);
        r.get("/admin/advisories/{id}/review.md", this::markdown, Access.EDITOR);
        r.get("/admin/advisories/{id}/review.csv", this::csv, Access.EDITOR);
        r.post("/admin/advisories/{id}/actions/{action}", this::move, Access.EDITOR);
        new DraftPages(pages, drafts, this).addRoutes(r);
    }

    public void list(Context ctx) {
        Instant now = clock.instant();
        List<AdvisoriesView.Row> rows = advisories.list().stream().map(a -> {
            List<ActionItem> items = advisories.actions(a.id());
            long done = items.stream().filter(i -> i.state() == ActionState.DONE).count();
            long overdue = items.stream().filter(i -> i.overdue(now)).count();
            return new AdvisoriesView.Row(a.id(), a.title(), a.severity().wire(), Words.time(a.disclosureAt(), zone),
                    done + " of " + items.size() + " done", overdue);
        }).toList();
        pages.render(ctx, 200, "admin/advisories.jte", new AdvisoriesView(pages.chrome(ctx, "Advisories", "advisories"), rows));
    }

    public void board(Context ctx) {
        show(ctx, 200, Params.id(ctx, "advisory"), Form.empty(), null);
    }

    public void markdown(Context ctx) {
        long id = Params.id(ctx, "advisory");
        ctx.header("Content-Disposition", "attachment; filename=\"advisory-" + id + "-review.md\"")
                .contentType("text/markdown; charset=utf-8").result(advisories.board(id).markdown(clock.instant()));
    }

    public void csv(Context ctx) {
        long id = Params.id(ctx, "advisory");
        ctx.header("Content-Disposition", "attachment; filename=\"advisory-" + id + "-actions.csv\"")
                .contentType("text/csv; charset=utf-8").result(advisories.board(id).csv(clock.instant()));
    }

    public void move(Context ctx) {
        long id = Params.id(ctx, "advisory");
        long action = Params.longPath(ctx, "action", "action item");
        Map<String, String> v = AdminPages.values(ctx);
        String actor = SessionGate.session(ctx).user().email();
        pages.act(ctx, v, "/admin/advisories/" + id, () -> {
            ActionItem a = advisories.changeAction(id, action, new AdvisoryService.ActionChange(v.get("state"), v.get("reason"),
                    Words.local("due_at", v.get("due_at"), zone)), actor);
            return new Change("advisory.action", "advisory " + id + " / " + a.componentId(),
                    a.state().wire() + (a.reason() == null ? "" : ": " + a.reason()));
        }, (code, refused) -> show(ctx, code, id, refused, "action-" + action));
    }

    /** The board, with {@code form} shown in the form named {@code editing} (see {@link AdvisoryView}). */
    void show(Context ctx, int code, long id, Form form, String editing) {
        Instant now = clock.instant();
        ResponseBoard b = advisories.board(id);
        List<AdvisoryView.ExposureRow> exposure = b.exposure().stream()
                .map(r -> new AdvisoryView.ExposureRow(b.name(r.componentId()), Words.of(r.state().wire()), r.priority(),
                        b.owner(r.componentId()).team()))
                .toList();
        List<AdvisoryView.ActionRow> actions = b.actions().stream()
                .map(a -> new AdvisoryView.ActionRow(a.id(), b.name(a.componentId()), a.team(), a.state().wire(),
                        a.state() == ActionState.WONT_FIX ? "Won't fix" : Words.of(a.state().wire()), Words.time(a.dueAt(), zone), a.overdue(now), a.doneBy(), Words.time(a.doneAt(), zone),
                        a.reason()))
                .toList();
        pages.render(ctx, code, "admin/advisory.jte", new AdvisoryView(pages.chrome(ctx, b.advisory().title(), "advisories"),
                b.advisory().id(), b.advisory().title(), b.advisory().severity().wire(), Words.time(b.advisory().disclosureAt(), zone),
                b.countdown(now), b.done() + " of " + b.actions().size() + " done" + (b.wontFix() > 0 ? ", " + b.wontFix()
                        + " won't fix" : ""), exposure, actions, DraftRows.of(drafts.list(id), b, zone),
                DraftRows.notice(drafts.notice(id), zone), form, editing));
    }
}
