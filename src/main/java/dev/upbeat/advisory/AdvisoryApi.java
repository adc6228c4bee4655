package dev.upbeat.advisory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.upbeat.json.Json;
import dev.upbeat.problem.Check;
import dev.upbeat.problem.Problem;
import dev.upbeat.web.Access;
import dev.upbeat.web.Bodies;
import dev.upbeat.web.Endpoints;
import dev.upbeat.web.Params;
import dev.upbeat.web.RouteTable;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * Advisories and their triage. Everything here needs a token, reads too: an advisory may be under
 * embargo, and triage says where the organisation is weak.
 */
public final class AdvisoryApi implements Endpoints {
    private final AdvisoryService advisories;
    private final Bodies bodies;
    private final java.time.Clock clock;

    public AdvisoryApi(AdvisoryService advisories, Bodies bodies, java.time.Clock clock) {
        this.clock = clock;
        this.advisories = advisories;
        this.bodies = bodies;
    }

    @Override
    public void addRoutes(RouteTable r) {
        r.get("/api/v1/advisories", this::list, Access.TOKEN);
        r.post("/api/v1/advisories", this::create, Access.TOKEN);
        r.post("/api/v1/advisories/osv", this::importOsv, Access.TOKEN);
        r.get("/api/v1/advisories/{id}", this::get, Access.TOKEN);
        r.put("/api/v1/advisories/{id}", this::update, Access.TOKEN);
        r.get("/api/v1/advisories/{id}/exposure", this::exposure, Access.TOKEN);
        r.get("/api/v1/advisories/{id}/actions", this::actions, Access.TOKEN);
        r.patch("/api/v1/advisories/{id}/actions/{action}", this::changeAction, Access.TOKEN);
    }

    public record AdvisoryRequest(String title, String severity, Instant disclosureAt, String summary,
                                  List<AdvisoryDraft.AffectedDraft> affected) {
        AdvisoryDraft draft() {
            return new AdvisoryDraft(title, severity, disclosureAt, summary, affected);
        }
    }

    public record AffectedView(String purl, String vers) {
    }

    public record AdvisoryView(long id, String title, String severity, Instant disclosureAt, String summary, String osvId,
                               List<String> aliases, List<AffectedView> affected, int revision, Instant createdAt,
                               Instant updatedAt) {
        static AdvisoryView of(Advisory a) {
            return new AdvisoryView(a.id(), a.title(), a.severity().wire(), a.disclosureAt(), a.summary(), a.osvId(), a.aliases(),
                    a.affected().stream().map(x -> new AffectedView(x.purl(), x.vers())).toList(), a.revision(), a.createdAt(),
                    a.updatedAt());
        }
    }

    public record ComponentExposureView(String component, String state, int priority, List<Triage.Match> matches) {
    }

    public record ExposureView(List<ComponentExposureView> components) {
    }

    public record ActionView(long id, String component, String team, String state, Instant dueAt, boolean overdue, String reason,
                             String doneBy, Instant doneAt) {
        static ActionView of(ActionItem a, Instant now) {
            return new ActionView(a.id(), a.componentId(), a.team(), a.state().wire(), a.dueAt(), a.overdue(now), a.reason(),
                    a.doneBy(), a.doneAt());
        }
    }

    public record ActionsView(List<ActionView> actions) {
    }

    public record ActionRequest(String state, String reason, Instant dueAt) {
    }

    public void actions(Context ctx) {
        Instant now = clock.instant();
        ctx.json(new ActionsView(advisories.actions(Params.id(ctx, "advisory")).stream().map(a -> ActionView.of(a, now)).toList()));
    }

    public void changeAction(Context ctx) {
        long advisory = Params.id(ctx, "advisory");
        long action = Params.longPath(ctx, "action", "action item");
        ActionRequest request = bodies.read(ctx, ActionRequest.class);
        ActionItem changed = advisories.changeAction(advisory, action,
                new AdvisoryService.ActionChange(request.state(), request.reason(), request.dueAt()), Params.caller(ctx));
        ctx.json(ActionView.of(changed, clock.instant()));
    }

    public void list(Context ctx) {
        ctx.json(advisories.list().stream().map(AdvisoryView::of).toList());
    }

    public void create(Context ctx) {
        Advisory a = advisories.create(bodies.read(ctx, AdvisoryRequest.class).draft(), Params.caller(ctx));
        ctx.status(201).header("Location", "/api/v1/advisories/" + a.id()).json(AdvisoryView.of(a));
    }

    public void update(Context ctx) {
        ctx.json(AdvisoryView.of(advisories.update(Params.id(ctx, "advisory"), bodies.read(ctx, AdvisoryRequest.class).draft(),
                Params.caller(ctx))));
    }

    /** An OSV record as published; a record seen before (same id) updates its advisory and answers 200. */
    public void importOsv(Context ctx) {
        String severity = Params.query(ctx, "severity");
        if (severity != null) {
            Check.oneOf("severity", severity, Severity::fromWire, Severity.allowedValues());
        }
        JsonNode record = bodies.read(ctx, JsonNode.class);
        if (!record.isObject()) {
            throw Problem.badRequest(null, "An OSV record is a JSON object");
        }
        AdvisoryService.Imported imported = advisories.importOsv(record, severity, Params.caller(ctx));
        Advisory a = imported.advisory();
        if (imported.created()) {
            ctx.status(201).header("Location", "/api/v1/advisories/" + a.id());
        }
        ctx.json(AdvisoryView.of(a));
    }

    public void get(Context ctx) {
        ctx.json(AdvisoryView.of(advisories.get(Params.id(ctx, "advisory"))));
    }

    public void exposure(Context ctx) {
        List<ComponentExposureView> rows = advisories.exposure(Params.id(ctx, "advisory")).stream()
                .map(r -> new ComponentExposureView(r.componentId(), r.state().wire(), r.priority(), matches(r.matches()))).toList();
        ctx.json(new ExposureView(rows));
    }

    private static List<Triage.Match> matches(String json) {
        try {
            return List.of(Json.mapper().readValue(json, Triage.Match[].class));
        } catch (IOException e) {
            throw new IllegalStateException("Stored triage matches are written by Triage itself", e);
        }
    }
}
