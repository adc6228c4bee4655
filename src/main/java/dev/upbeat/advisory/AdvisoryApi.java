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

    public AdvisoryApi(AdvisoryService advisories, Bodies bodies) {
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

    public void list(Context ctx) {
        ctx.json(advisories.list().stream().map(AdvisoryView::of).toList());
    }

    public void create(Context ctx) {
        Advisory a = advisories.create(bodies.read(ctx, AdvisoryRequest.class).draft());
        ctx.status(201).header("Location", "/api/v1/advisories/" + a.id()).json(AdvisoryView.of(a));
    }

    public void update(Context ctx) {
        ctx.json(AdvisoryView.of(advisories.update(Params.id(ctx, "advisory"), bodies.read(ctx, AdvisoryRequest.class).draft())));
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
        AdvisoryService.Imported imported = advisories.importOsv(record, severity);
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
