package dev.upbeat.admin;

import dev.upbeat.incident.Incident;
import dev.upbeat.incident.IncidentDraft;
import dev.upbeat.incident.IncidentEdit;
import dev.upbeat.incident.IncidentService;
import dev.upbeat.incident.IncidentStatus;
import dev.upbeat.incident.UpdateDraft;
import dev.upbeat.problem.Problem;
import dev.upbeat.status.Markdown;
import dev.upbeat.status.PublicStatus;
import dev.upbeat.web.Access;
import dev.upbeat.web.Endpoints;
import dev.upbeat.web.Params;
import dev.upbeat.web.RouteTable;
import io.javalin.http.Context;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The incident composer and an incident's admin page: open, post updates, resolve, correct
 * (back-date, impact, title) and write the postmortem, all through {@link IncidentService}, the
 * same calls the API makes. A refusal shows the form again with the message next to its field.
 */
public final class IncidentPages implements Endpoints {
    private final AdminPages pages;
    private final IncidentService incidents;
    private final Supplier<PublicStatus> status;
    private final IncidentModels models;
    private final TemplateService templates;

    public IncidentPages(AdminPages pages, IncidentService incidents, Supplier<PublicStatus> status, ZoneId zone,
                         TemplateService templates) {
        this.pages = pages;
        this.incidents = incidents;
        this.status = status;
        this.models = new IncidentModels(zone);
        this.templates = templates;
    }

    @Override
    public void addRoutes(RouteTable r) {
        r.get("/admin/incidents/new", this::composer, Access.EDITOR);
        r.post("/admin/incidents", this::open, Access.EDITOR);
        r.get("/admin/incidents/{id}", this::show, Access.EDITOR);
        r.post("/admin/incidents/{id}/updates", this::postUpdate, Access.EDITOR);
        r.post("/admin/incidents/{id}/resolve", this::resolve, Access.EDITOR);
        r.post("/admin/incidents/{id}/edit", this::edit, Access.EDITOR);
        r.post("/admin/incidents/{id}/postmortem", this::postmortem, Access.EDITOR);
        r.post("/admin/preview", this::preview, Access.EDITOR);
    }

    public void composer(Context ctx) {
        Map<String, String> defaults = new LinkedHashMap<>(Map.of("status", IncidentStatus.INVESTIGATING.wire(), "notify", "on"));
        showComposer(ctx, 200, Form.of(defaults));
    }

    public void open(Context ctx) {
        Map<String, String> v = AdminPages.values(ctx);
        Form form = Form.of(v);
        try {
            Incident i = incidents.open(IncidentDraft.builder().title(v.get("title")).status(v.get("status"))
                    .impact(blankToNull(v.get("impact"))).message(v.get("message")).components(components(v))
                    .startedAt(Words.local("started_at", v.get("started_at"), models.zone()))
                    .notifySubscribers(v.containsKey("notify")).build());
            pages.audit(ctx, "incident.open", "incident " + i.id(), i.title());
            saveTemplate(ctx, v);
            AdminPages.seeOther(ctx, "/admin/incidents/" + i.id());
        } catch (Problem p) {
            showComposer(ctx, 422, form.refused(p));
        }
    }

    public void show(Context ctx) {
        showDetail(ctx, 200, Params.id(ctx, "incident"), Form.of(Map.of("notify", "on")));
    }

    public void postUpdate(Context ctx) {
        long id = Params.id(ctx, "incident");
        Map<String, String> v = AdminPages.values(ctx);
        change(ctx, id, v, "incident.update", () -> incidents.postUpdate(id,
                new UpdateDraft(v.get("status"), v.get("message"), components(v), v.containsKey("notify"))));
    }

    public void resolve(Context ctx) {
        long id = Params.id(ctx, "incident");
        Map<String, String> v = AdminPages.values(ctx);
        change(ctx, id, v, "incident.resolve", () -> incidents.resolve(id, v.get("message"), v.containsKey("notify")));
    }

    /** Title, impact, an earlier start, and the postmortem text once the incident is in postmortem. */
    public void edit(Context ctx) {
        long id = Params.id(ctx, "incident");
        Map<String, String> v = AdminPages.values(ctx);
        change(ctx, id, v, "incident.edit", () -> incidents.edit(id, new IncidentEdit(v.get("title"), blankToNull(v.get("impact")),
                Words.local("started_at", v.get("started_at"), models.zone()), v.get("postmortem"))));
    }

    /** Publishes the postmortem: an update with status postmortem whose text becomes the postmortem. */
    public void postmortem(Context ctx) {
        long id = Params.id(ctx, "incident");
        Map<String, String> v = AdminPages.values(ctx);
        change(ctx, id, v, "incident.postmortem", () -> incidents.postUpdate(id,
                new UpdateDraft("postmortem", v.get("postmortem"), null, v.containsKey("notify"))));
    }

    /** The live preview: Markdown rendered by the same safe renderer as the public pages. */
    public void preview(Context ctx) {
        String text = ctx.formParam("message");
        ctx.header("Cache-Control", "no-store").contentType("text/html; charset=utf-8")
                .result(Markdown.toSafeHtml(text == null ? "" : text.substring(0, Math.min(text.length(), 20_000))));
    }

    private void change(Context ctx, long id, Map<String, String> v, String action, Supplier<Incident> work) {
        pages.act(ctx, v, "/admin/incidents/" + id, () -> {
            Incident i = work.get();
            return new Change(action, "incident " + id, i.title() + " (" + i.status().wire() + ")");
        }, (code, refused) -> showDetail(ctx, code, id, refused));
    }

    private void showComposer(Context ctx, int code, Form form) {
        pages.render(ctx, code, "admin/composer.jte", models.composer(pages.chrome(ctx, "New incident", "new"), form,
                status.get(), templates.list()));
    }

    private void showDetail(Context ctx, int code, long id, Form form) {
        PublicStatus s = status.get();
        Incident i = s.incident(id).orElseThrow(() -> Problem.notFound("incident", id));
        pages.render(ctx, code, "admin/incident.jte", models.detail(pages.chrome(ctx, i.title(), "dashboard"), i, s, form));
    }

    private void saveTemplate(Context ctx, Map<String, String> v) {
        String name = v.get("template_name");
        if (name != null && !name.isBlank()) {
            try {
                templates.save(name, v.get("title"), v.get("message"), blankToNull(v.get("impact")));
                pages.audit(ctx, "template.save", "template " + name.strip(), v.get("title"));
            } catch (Problem ignored) {
                // The incident is open; a template that cannot be saved must not hide that.
            }
        }
    }

    /** {@code components.<id>} fields with a status chosen. */
    static Map<String, String> components(Map<String, String> values) {
        Map<String, String> chosen = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith("components.") && !v.isBlank()) {
                chosen.put(k.substring("components.".length()), v);
            }
        });
        return chosen.isEmpty() ? null : chosen;
    }

    static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v;
    }
}
