package dev.upbeat.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.upbeat.json.Json;
import dev.upbeat.problem.Problem;
import dev.upbeat.simulator.Effects;
import dev.upbeat.simulator.Fault;
import dev.upbeat.simulator.FaultParser;
import dev.upbeat.simulator.FaultType;
import dev.upbeat.simulator.Run;
import dev.upbeat.simulator.RunOrigin;
import dev.upbeat.simulator.Schedule;
import dev.upbeat.simulator.ScheduleService;
import dev.upbeat.simulator.SimulatorService;
import dev.upbeat.simulator.Target;
import dev.upbeat.simulator.TargetKind;
import dev.upbeat.simulator.tcp.Toxic;
import dev.upbeat.simulator.tcp.ToxicSpecs;
import dev.upbeat.simulator.drill.DrillReport;
import dev.upbeat.simulator.drill.DrillService;
import dev.upbeat.simulator.drill.DrillSpec;
import dev.upbeat.simulator.drill.ReportText;
import dev.upbeat.simulator.drill.SteadyStateCheck;
import dev.upbeat.web.Access;
import dev.upbeat.web.Endpoints;
import dev.upbeat.web.Params;
import dev.upbeat.web.RouteTable;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The simulator for admins: targets, simulations, schedules, recent runs and drills, through the
 * same services as the API. A fault is picked from the registry ({@link FaultType}) with the
 * parameters it lists for the form, or written as the API's JSON for the rest; a tcp target's
 * toxics are written as the API's JSON.
 */
public final class SimulatorPages implements Endpoints {
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)");
    private static final int RECENT = 30;

    private final AdminPages pages;
    private final SimulatorService simulations;
    private final ScheduleService schedules;
    private final DrillService drills;
    private final ZoneId zone;

    public SimulatorPages(AdminPages pages, SimulatorService simulations, ScheduleService schedules, DrillService drills, ZoneId zone) {
        this.pages = pages;
        this.simulations = simulations;
        this.schedules = schedules;
        this.drills = drills;
        this.zone = zone;
    }

    @Override
    public void addRoutes(RouteTable r) {
        r.get("/admin/simulator", this::list, Access.ADMIN);
        r.post("/admin/simulator/targets", this::createTarget, Access.ADMIN);
        r.post("/admin/simulator/targets/{name}/delete", this::deleteTarget, Access.ADMIN);
        r.post("/admin/simulator/simulations", this::start, Access.ADMIN);
        r.post("/admin/simulator/simulations/{id}/stop", this::stop, Access.ADMIN);
        r.post("/admin/simulator/schedules", this::createSchedule, Access.ADMIN);
        r.post("/admin/simulator/schedules/{id}/delete", this::deleteSchedule, Access.ADMIN);
        r.post("/admin/simulator/drills", this::startDrill, Access.ADMIN);
        r.get("/admin/drills/{id}/report", this::report, Access.ADMIN);
    }

    public void list(Context ctx) {
        show(ctx, 200, Form.empty(), null);
    }

    public void createTarget(Context ctx) {
        Map<String, String> v = AdminPages.values(ctx);
        act(ctx, v, "target", () -> {
            Target t = simulations.createTarget(v.get("name"), TargetKind.parse(v.get("kind")), v.get("listen"), v.get("upstream"));
            return new Change("simulator.target.create", t.name(), t.kind().wire() + " " + t.listen() + " -> "
                    + (t.upstream() == null ? "none" : t.upstreamText()));
        });
    }

    public void deleteTarget(Context ctx) {
        String name = ctx.pathParam("name");
        act(ctx, Map.of(), "targets", () -> {
            simulations.deleteTarget(name);
            return new Change("simulator.target.delete", name, null);
        });
    }

    public void start(Context ctx) {
        Map<String, String> v = AdminPages.values(ctx);
        act(ctx, v, "simulation", () -> {
            String target = target(v);
            Effects effects = effects(target, v);
            Run run = simulations.start(target, effects.faults(), effects.toxics(), duration(v), RunOrigin.ADMIN, null);
            return new Change("simulation.start", target, "simulation " + run.id() + ": " + types(run.faults(), run.toxics())
                    + " until " + run.endsAt());
        });
    }

    public void stop(Context ctx) {
        long id = Params.id(ctx, "simulation");
        act(ctx, Map.of(), "runs", () -> {
            Run run = simulations.stop(id);
            return new Change("simulation.stop", run.target(), "simulation " + id);
        });
    }

    public void createSchedule(Context ctx) {
        Map<String, String> v = AdminPages.values(ctx);
        act(ctx, v, "schedule", () -> {
            String target = target(v);
            Effects effects = effects(target, v);
            Schedule s = schedules.create(target, v.get("cron"), v.get("time_zone"), duration(v), effects.faults(), effects.toxics());
            return new Change("simulator.schedule.create", target, "schedule " + s.id() + ": " + s.cron().expression() + " "
                    + s.timeZone().getId() + ", " + s.duration() + ", " + types(s.faults(), s.toxics()));
        });
    }

    public void deleteSchedule(Context ctx) {
        long id = Params.id(ctx, "schedule");
        act(ctx, Map.of(), "schedules", () -> {
            schedules.delete(id);
            return new Change("simulator.schedule.delete", "schedule " + id, null);
        });
    }

    public void startDrill(Context ctx) {
        Map<String, String> v = AdminPages.values(ctx);
        act(ctx, v, "drill", () -> {
            String target = target(v);
            Effects effects = effects(target, v);
            Duration duration = duration(v);
            SimulatorService.checkDuration(duration);
            String url = v.get("check_url");
            if (url == null) {
                throw Problem.invalid("check_url", "A steady-state check URL is required, e.g. http://app.internal/health");
            }
            try {
                DrillReport d = drills.start(DrillSpec.builder().target(target).faults(effects.faults())
                        .toxics(effects.toxics()).duration(duration)
                        .checks(List.of(SteadyStateCheck.of(url))).abortOnBreach("on".equals(v.get("abort_on_breach")))
                        .notice(v.get("notice")).publicNotice(false).build());
                return new Change("drill.start", target, "drill " + d.id() + ": " + types(effects.faults(), effects.toxics())
                        + ", check " + url);
            } catch (Problem p) {
                throw p.field() != null && p.field().startsWith("checks") ? Problem.invalid("check_url", p.getMessage()) : p;
            }
        });
    }

    /** A drill's report as the API serves it, for people signed in as admins. */
    public void report(Context ctx) {
        ctx.header("Cache-Control", "no-store").html(ReportText.html(drills.find(Params.id(ctx, "drill"))));
    }

    private String target(Map<String, String> v) {
        String name = v.get("target");
        if (name == null) {
            throw Problem.invalid("target", "Pick a target (add one first if there is none)");
        }
        try {
            return simulations.target(name).name();
        } catch (Problem p) {
            throw Problem.invalid("target", "There is no target named '" + name + "'");
        }
    }

    /** A tcp target's toxics from {@code toxics_json}, an http target's faults from the fault fields. */
    private Effects effects(String target, Map<String, String> v) {
        if (simulations.target(target).kind() != TargetKind.TCP) {
            return new Effects(faults(v), List.of());
        }
        String raw = v.get("toxics_json");
        if (raw == null) {
            throw Problem.invalid("toxics_json", target + " is a tcp target: write its toxics as JSON, e.g. "
                    + "[{\"type\":\"latency\",\"attributes\":{\"latency\":200}}]");
        }
        try {
            return new Effects(List.of(), ToxicSpecs.parse(Json.mapper().readTree(raw)));
        } catch (JsonProcessingException e) {
            throw Problem.invalid("toxics_json", "The toxics are not valid JSON: " + e.getOriginalMessage());
        } catch (Problem p) {
            throw p.kind() == Problem.Kind.INVALID ? Problem.invalid("toxics_json", p.getMessage()) : p;
        }
    }

    /** The faults as the API would receive them, checked by the API's parser; refusals name this form's fields. */
    static List<Fault> faults(Map<String, String> v) {
        String type = v.getOrDefault("fault", FaultType.MAINTENANCE.wire());
        boolean json = "json".equals(type);
        try {
            return FaultParser.parse(json ? rawFaults(v.get("faults_json")) : formFault(type, v));
        } catch (Problem p) {
            if (p.kind() != Problem.Kind.INVALID || p.field() == null) {
                throw p;
            }
            throw Problem.invalid(json ? "faults_json" : formField(type, p.field()), p.getMessage());
        }
    }

    private static JsonNode rawFaults(String raw) {
        if (raw == null) {
            throw Problem.invalid("faults_json", "Write the faults as a JSON array, e.g. [{\"type\":\"slow_body\",\"bytes_per_second\":100}]");
        }
        try {
            return Json.mapper().readTree(raw);
        } catch (JsonProcessingException e) {
            throw Problem.invalid("faults_json", "The faults are not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static JsonNode formFault(String type, Map<String, String> v) {
        ObjectNode f = Json.mapper().createObjectNode().put("type", type);
        for (FaultType.FormField field : formFields(type)) {
            if (!v.containsKey(field.name())) {
                continue;
            }
            if (field.isDuration()) {
                f.put(field.param(), iso(v.get(field.name())));
            } else {
                f.put(field.param(), number(field.name(), v.get(field.name())));
            }
        }
        if (v.containsKey("percentage")) {
            try {
                f.put("percentage", Double.parseDouble(v.get("percentage").strip()));
            } catch (NumberFormatException e) {
                throw Problem.invalid("percentage", "Percentage must be a number from 0 to 100; got '" + v.get("percentage") + "'");
            }
        }
        ArrayNode list = Json.mapper().createArrayNode();
        list.add(f);
        return list;
    }

    private static List<FaultType.FormField> formFields(String type) {
        return FaultType.fromWire(type).map(FaultType::formFields).orElse(List.of());
    }

    private static long number(String field, String value) {
        try {
            return Long.parseLong(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            throw Problem.invalid(field, "A whole number is required here; got '" + (value == null ? "" : value) + "'");
        }
    }

    /** Which field of the picked fault a parser refusal such as {@code faults[0].status} is about. */
    static String formField(String type, String field) {
        String param = field.startsWith("faults[0].") ? field.substring("faults[0].".length()) : "";
        if (param.equals("percentage")) {
            return param;
        }
        return formFields(type).stream().filter(f -> f.param().equals(param)).map(FaultType.FormField::name).findFirst().orElse("fault");
    }

    /** {@code 90s}, {@code 500ms}, {@code 15m} or {@code 2h} as ISO 8601; anything else as typed. */
    static String iso(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = SHORT_DURATION.matcher(text.strip());
        if (!m.matches()) {
            return text.strip().toUpperCase(java.util.Locale.ROOT);
        }
        String n = m.group(1);
        return switch (m.group(2)) {
            case "ms" -> "PT" + new java.math.BigDecimal(n).movePointLeft(3).stripTrailingZeros().toPlainString() + "S";
            case "s" -> "PT" + n + "S";
            case "m" -> "PT" + n + "M";
            default -> "PT" + n + "H";
        };
    }

    private static Duration duration(Map<String, String> v) {
        String text = iso(v.get("duration"));
        if (text == null) {
            throw Problem.invalid("duration", "A duration is required, such as 15m or PT15M");
        }
        try {
            Duration d = Duration.parse(text);
            SimulatorService.checkDuration(d);
            return d;
        } catch (DateTimeParseException e) {
            throw Problem.invalid("duration", "Duration must look like 90s, 15m, 2h or PT15M; got '" + v.get("duration") + "'");
        }
    }

    private static String types(List<Fault> faults, List<Toxic> toxics) {
        return String.join(", ", Effects.types(faults, toxics));
    }

    private void act(Context ctx, Map<String, String> v, String form, Supplier<Change> work) {
        pages.act(ctx, v, "/admin/simulator", work, (code, refused) -> show(ctx, code, refused, form));
    }

    private void show(Context ctx, int code, Form form, String editing) {
        List<SimulatorView.TargetItem> targets = simulations.targets().stream().map(t -> {
            Run live = simulations.liveRun(t.name()).orElse(null);
            return new SimulatorView.TargetItem(t.name(), t.kind().wire(), t.listen().toString(),
                    t.upstream() == null ? "" : t.upstreamText(),
                    live == null ? null : run(live), simulations.listenersOf(t.name()).stream()
                            .map(l -> l.instance() + ": " + l.state() + (l.error() == null ? "" : " (" + l.error() + ")")).toList());
        }).toList();
        List<SimulatorView.RunItem> runs = simulations.runs(null, RECENT).stream().map(this::run).toList();
        List<SimulatorView.ScheduleItem> scheduleItems = schedules.list().stream().map(s -> new SimulatorView.ScheduleItem(s.id(),
                s.target(), s.cron().expression(), s.timeZone().getId(), s.duration().toString(), types(s.faults(), s.toxics()),
                Words.time(s.nextAt(), zone))).toList();
        List<SimulatorView.DrillItem> drillItems = drills.recent(RECENT).stream().map(d -> new SimulatorView.DrillItem(d.id(),
                d.target(), d.verdict(), d.reason() == null ? "" : d.reason(), Words.time(d.startedAt(), zone))).toList();
        pages.render(ctx, code, "admin/simulator.jte", new SimulatorView(pages.chrome(ctx, "Simulator", "simulator"), targets, runs,
                scheduleItems, drillItems, List.of(FaultType.values()), zone.getId(), form, editing));
    }

    private SimulatorView.RunItem run(Run r) {
        String injected = r.injected().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        return new SimulatorView.RunItem(r.id(), r.target(), types(r.faults(), r.toxics()), r.origin(), Words.time(r.startedAt(), zone),
                Words.time(r.live() ? r.endsAt() : r.endedAt(), zone), r.live(), r.endReason() == null ? "" : r.endReason(),
                r.requests(), injected.isEmpty() ? "none" : injected);
    }
}
