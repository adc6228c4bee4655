package dev.upbeat.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.upbeat.simulator.tcp.Toxic;
import dev.upbeat.web.Access;
import dev.upbeat.web.Bodies;
import dev.upbeat.web.Endpoints;
import dev.upbeat.web.Params;
import dev.upbeat.web.RouteTable;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The simulator's API: targets, simulations, runs and schedules. Every route needs a token. */
public final class SimulatorApi implements Endpoints {
    private final SimulatorService simulations;
    private final ScheduleService schedules;
    private final Bodies bodies;

    public SimulatorApi(SimulatorService simulations, ScheduleService schedules, Bodies bodies) {
        this.simulations = simulations;
        this.schedules = schedules;
        this.bodies = bodies;
    }

    @Override
    public void addRoutes(RouteTable r) {
        // The simulator shows internal addresses and private drills: reads need a token too.
        r.get("/api/v1/simulator/targets", this::targets, Access.TOKEN);
        r.post("/api/v1/simulator/targets", this::createTarget, Access.TOKEN);
        r.get("/api/v1/simulator/targets/{name}", this::target, Access.TOKEN);
        r.delete("/api/v1/simulator/targets/{name}", this::deleteTarget, Access.TOKEN);
        r.post("/api/v1/simulator/targets/{name}/simulations", this::start, Access.TOKEN);
        r.post("/api/v1/simulator/targets/{name}/schedules", this::createSchedule, Access.TOKEN);
        r.get("/api/v1/simulator/simulations", this::runs, Access.TOKEN);
        r.get("/api/v1/simulator/simulations/{id}", this::simulation, Access.TOKEN);
        r.delete("/api/v1/simulator/simulations/{id}", this::stop, Access.TOKEN);
        r.get("/api/v1/simulator/schedules", this::schedules, Access.TOKEN);
        r.delete("/api/v1/simulator/schedules/{id}", this::deleteSchedule, Access.TOKEN);
    }

    public record TargetRequest(String name, String kind, String listen, String upstream) {
    }

    public record SimulationRequest(JsonNode faults, JsonNode toxics, Duration duration) {
    }

    public record ScheduleRequest(String cron, String timeZone, Duration duration, JsonNode faults, JsonNode toxics) {
    }

    /** A target as the API shows it, with its live simulation if any and each live instance's listener. */
    public record TargetView(String name, String kind, String listen, String upstream, Instant createdAt, Run liveSimulation,
                             List<Target.Listener> listeners) {
    }

    /** A schedule as the API shows it. */
    public record ScheduleView(long id, String target, String cron, String timeZone, String duration, List<Fault> faults,
                               List<Toxic> toxics, Instant nextAt, Instant createdAt) {
        static ScheduleView of(Schedule s) {
            return new ScheduleView(s.id(), s.target(), s.cron().expression(), s.timeZone().getId(), s.duration().toString(),
                    s.faults(), s.toxics(), s.nextAt(), s.createdAt());
        }
    }

    public void createTarget(Context ctx) {
        TargetRequest r = bodies.read(ctx, TargetRequest.class);
        Target t = simulations.createTarget(r.name(), TargetKind.parse(r.kind()), r.listen(), r.upstream());
        ctx.status(201).header("Location", "/api/v1/simulator/targets/" + t.name()).json(view(t));
    }

    public void targets(Context ctx) {
        ctx.json(simulations.targets().stream().map(this::view).toList());
    }

    public void target(Context ctx) {
        ctx.json(view(simulations.target(ctx.pathParam("name"))));
    }

    public void deleteTarget(Context ctx) {
        simulations.deleteTarget(ctx.pathParam("name"));
        ctx.status(204);
    }

    public void start(Context ctx) {
        SimulationRequest r = bodies.read(ctx, SimulationRequest.class);
        Target target = simulations.target(ctx.pathParam("name"));
        Effects effects = Effects.read(target, r.faults(), r.toxics());
        Run run = simulations.start(target.name(), effects.faults(), effects.toxics(), r.duration(), RunOrigin.API, null);
        ctx.status(201).header("Location", "/api/v1/simulator/simulations/" + run.id()).json(run);
    }

    public void simulation(Context ctx) {
        ctx.json(simulations.run(Params.id(ctx, "simulation")));
    }

    public void stop(Context ctx) {
        ctx.json(simulations.stop(Params.id(ctx, "simulation")));
    }

    public void runs(Context ctx) {
        int limit = Params.intQuery(ctx, "limit", 50, 1, 500);
        ctx.json(simulations.runs(Params.query(ctx, "target"), limit));
    }

    public void createSchedule(Context ctx) {
        ScheduleRequest r = bodies.read(ctx, ScheduleRequest.class);
        Target target = simulations.target(ctx.pathParam("name"));
        Effects effects = Effects.read(target, r.faults(), r.toxics());
        Schedule s = schedules.create(target.name(), r.cron(), r.timeZone(), r.duration(), effects.faults(), effects.toxics());
        ctx.status(201).header("Location", "/api/v1/simulator/schedules/" + s.id()).json(ScheduleView.of(s));
    }

    public void schedules(Context ctx) {
        ctx.json(schedules.list().stream().map(ScheduleView::of).toList());
    }

    public void deleteSchedule(Context ctx) {
        schedules.delete(Params.id(ctx, "schedule"));
        ctx.status(204);
    }

    private TargetView view(Target t) {
        return new TargetView(t.name(), t.kind().wire(), t.listen().toString(), t.upstreamText(), t.createdAt(),
                simulations.liveRun(t.name()).orElse(null), simulations.listenersOf(t.name()));
    }
}
