package dev.upbeat.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.upbeat.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code upbeat sim}: the downtime simulator, standalone or through a running Upbeat's API. */
@Command(name = "sim", mixinStandardHelpOptions = true, description = "Simulate outages of the services your app depends on.",
        subcommands = {SimServeCommand.class, SimToxiproxyCommand.class, SimCommand.Targets.class, SimCommand.Start.class, SimCommand.Stop.class,
                SimCommand.ScheduleIt.class, SimCommand.Runs.class})
public final class SimCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "Missing subcommand: serve, toxiproxy, targets, start, stop, schedule or runs");
    }

    /** A fault given on the command line: a bare type such as {@code maintenance}, or a JSON object. */
    static List<JsonNode> faults(List<String> specs) {
        List<JsonNode> faults = new ArrayList<>();
        for (String s : specs) {
            try {
                faults.add(s.strip().startsWith("{") ? Json.mapper().readTree(s) : Json.mapper().createObjectNode().put("type", s.strip()));
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("--fault must be a type such as maintenance or a JSON object; got '" + s + "'");
            }
        }
        return faults;
    }

    /** A toxic given on the command line: a bare type such as {@code reset_peer}, or a JSON object as Toxiproxy takes it. */
    static List<JsonNode> toxics(List<String> specs) {
        List<JsonNode> toxics = new ArrayList<>();
        for (String s : specs) {
            try {
                toxics.add(s.strip().startsWith("{") ? Json.mapper().readTree(s) : Json.mapper().createObjectNode().put("type", s.strip()));
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("--toxic must be a type such as reset_peer or a JSON object; got '" + s + "'");
            }
        }
        return toxics;
    }

    /**
     * The effects of a simulation as the API takes them: {@code faults} for an http target,
     * {@code toxics} for a tcp one; the server says which the target wants when they do not fit.
     */
    static Map<String, Object> effects(List<String> faults, List<String> toxics, String fallbackFault) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (toxics != null && !toxics.isEmpty()) {
            body.put("toxics", toxics(toxics));
        }
        if (faults != null && !faults.isEmpty()) {
            body.put("faults", faults(faults));
        } else if (body.isEmpty()) {
            if (fallbackFault == null) {
                throw new IllegalArgumentException("Give --fault (an http target) or --toxic (a tcp target)");
            }
            body.put("faults", faults(List.of(fallbackFault)));
        }
        return body;
    }

    @Command(name = "targets", mixinStandardHelpOptions = true, description = "List targets, or add or delete one.")
    static final class Targets implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--add", paramLabel = "NAME", description = "Add a target with this name")
        String add;
        @Option(names = "--listen", paramLabel = "HOST:PORT", description = "Where the new target listens, e.g. 127.0.0.1:9401")
        String listen;
        @Option(names = "--upstream", paramLabel = "URL", description = "The real service to proxy to: a URL (none: always "
                + "maintenance), or host:port for a tcp target")
        String upstream;
        @Option(names = "--kind", paramLabel = "KIND", description = "http (default): HTTP faults; tcp: a TCP proxy with Toxiproxy toxics")
        String kind;
        @Option(names = "--delete", paramLabel = "NAME", description = "Delete a target (its live simulation ends)")
        String delete;

        @Override
        public Integer call() {
            ApiClient api = ApiClient.fromEnvironment();
            if (add != null) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("name", add);
                body.put("kind", kind);
                body.put("listen", listen);
                body.put("upstream", upstream);
                spec.commandLine().getOut().println(ApiClient.pretty(api.post("/api/v1/simulator/targets", body)));
            } else if (delete != null) {
                api.delete("/api/v1/simulator/targets/" + delete);
                spec.commandLine().getOut().println("Target '" + delete + "' deleted.");
            } else {
                for (JsonNode t : api.get("/api/v1/simulator/targets")) {
                    JsonNode live = t.get("live_simulation");
                    spec.commandLine().getOut().printf("%-24s %-5s %-22s %-40s %s%n", t.get("name").asText(), t.get("kind").asText(),
                            t.get("listen").asText(),
                            t.get("upstream").isNull() ? "(maintenance only)" : t.get("upstream").asText(),
                            live == null || live.isNull() ? "idle" : "simulation " + live.get("id").asText() + " until "
                                    + live.get("ends_at").asText());
                }
            }
            return 0;
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true, description = "Start a simulation on a target now.")
    static final class Start implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "TARGET")
        String target;
        @Option(names = "--fault", paramLabel = "FAULT",
                description = "A fault type (maintenance, status, ...) or a JSON object, for an http target; repeatable")
        List<String> faults;
        @Option(names = "--toxic", paramLabel = "TOXIC",
                description = "A toxic type (latency, reset_peer, ...) or a Toxiproxy toxic as JSON, for a tcp target; repeatable")
        List<String> toxics;
        @Option(names = "--duration", defaultValue = "PT15M", description = "ISO 8601 duration (default ${DEFAULT-VALUE})")
        String duration;

        @Override
        public Integer call() {
            Map<String, Object> body = effects(faults, toxics, null);
            body.put("duration", duration);
            JsonNode run = ApiClient.fromEnvironment().post("/api/v1/simulator/targets/" + target + "/simulations", body);
            spec.commandLine().getOut().println(run.get("id").asText());
            spec.commandLine().getErr().println("Simulation " + run.get("id").asText() + " live on " + target + " until "
                    + run.get("ends_at").asText() + ".");
            return 0;
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop a live simulation.")
    static final class Stop implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "ID")
        long id;

        @Override
        public Integer call() {
            JsonNode run = ApiClient.fromEnvironment().delete("/api/v1/simulator/simulations/" + id);
            spec.commandLine().getOut().println("Simulation " + id + " stopped after " + run.get("requests").asLong() + " request(s).");
            return 0;
        }
    }

    @Command(name = "schedule", mixinStandardHelpOptions = true, description = "Schedule a recurring simulation (5-field cron).")
    static final class ScheduleIt implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "TARGET")
        String target;
        @Option(names = "--cron", required = true, description = "minute hour day-of-month month day-of-week, e.g. '0 10 * * 2'")
        String cron;
        @Option(names = "--zone", defaultValue = "UTC", description = "IANA time zone of the cron (default ${DEFAULT-VALUE})")
        String zone;
        @Option(names = "--duration", required = true, description = "How long each run lasts, e.g. PT15M")
        String duration;
        @Option(names = "--fault", description = "A fault type or a JSON object, for an http target; repeatable")
        List<String> faults;
        @Option(names = "--toxic", description = "A toxic type or a Toxiproxy toxic as JSON, for a tcp target; repeatable")
        List<String> toxics;

        @Override
        public Integer call() {
            Map<String, Object> body = new LinkedHashMap<>(Map.of("cron", cron, "time_zone", zone, "duration", duration));
            body.putAll(effects(faults, toxics, null));
            JsonNode s = ApiClient.fromEnvironment().post("/api/v1/simulator/targets/" + target + "/schedules", body);
            spec.commandLine().getOut().println("Schedule " + s.get("id").asText() + " created; first run at " + s.get("next_at").asText());
            return 0;
        }
    }

    @Command(name = "runs", mixinStandardHelpOptions = true, description = "Recent simulation runs, newest first.")
    static final class Runs implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--target", description = "Only this target's runs")
        String target;

        @Override
        public Integer call() {
            JsonNode runs = ApiClient.fromEnvironment().get("/api/v1/simulator/simulations"
                    + (target == null ? "" : "?target=" + java.net.URLEncoder.encode(target, java.nio.charset.StandardCharsets.UTF_8)));
            for (JsonNode r : runs) {
                spec.commandLine().getOut().printf("%-6s %-20s %-8s %-25s %-12s %8d %s%n", r.get("id").asText(), r.get("target").asText(),
                        r.get("origin").asText(), r.get("started_at").asText(),
                        r.get("end_reason").isNull() ? "live" : r.get("end_reason").asText(), r.get("requests").asLong(), r.get("injected"));
            }
            return 0;
        }
    }
}
