package dev.upbeat.simulator.drill;

import com.fasterxml.jackson.databind.JsonNode;
import dev.upbeat.simulator.Effects;
import dev.upbeat.web.Access;
import dev.upbeat.web.Bodies;
import dev.upbeat.web.Endpoints;
import dev.upbeat.web.Params;
import dev.upbeat.web.RouteTable;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.List;

/** Drills through the API: start one, read its report as JSON, HTML or Markdown. Token only: drills are private. */
public final class DrillApi implements Endpoints {
    private final DrillService drills;
    private final Bodies bodies;

    public DrillApi(DrillService drills, Bodies bodies) {
        this.drills = drills;
        this.bodies = bodies;
    }

    @Override
    public void addRoutes(RouteTable r) {
        r.post("/api/v1/drills", this::start, Access.TOKEN);
        r.get("/api/v1/drills", this::list, Access.TOKEN);
        r.get("/api/v1/drills/{id}", this::show, Access.TOKEN);
        r.get("/api/v1/drills/{id}/report.html", this::html, Access.TOKEN);
        r.get("/api/v1/drills/{id}/report.md", this::markdown, Access.TOKEN);
    }

    public record DrillRequest(String target, JsonNode faults, JsonNode toxics, Duration duration, List<SteadyStateCheck> checks, Duration interval,
                               Duration recovery, Boolean abortOnBreach, String notice, Boolean publicNotice) {
    }

    public void start(Context ctx) {
        DrillRequest r = bodies.read(ctx, DrillRequest.class);
        dev.upbeat.simulator.SimulatorService.checkDuration(r.duration());
        Effects effects = Effects.read(drills.target(r.target()), r.faults(), r.toxics());
        DrillReport started = drills.start(new DrillSpec(r.target(), effects.faults(), effects.toxics(), r.duration(), r.checks(),
                r.interval(), r.recovery(), r.abortOnBreach(), r.notice(), r.publicNotice()));
        ctx.status(201).header("Location", "/api/v1/drills/" + started.id()).json(started);
    }

    public void list(Context ctx) {
        ctx.json(drills.recent(Params.intQuery(ctx, "limit", 20, 1, 200)));
    }

    public void show(Context ctx) {
        ctx.json(drills.find(Params.id(ctx, "drill")));
    }

    public void html(Context ctx) {
        ctx.header("Cache-Control", "no-store").html(ReportText.html(drills.find(Params.id(ctx, "drill"))));
    }

    public void markdown(Context ctx) {
        ctx.header("Cache-Control", "no-store").contentType("text/markdown; charset=utf-8")
                .result(ReportText.markdown(drills.find(Params.id(ctx, "drill"))));
    }
}
