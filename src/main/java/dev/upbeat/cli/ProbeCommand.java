package dev.upbeat.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code upbeat probe list|add|remove}: active checks, through a running Upbeat's API (UPBEAT_URL, UPBEAT_TOKEN). */
@Command(name = "probe", mixinStandardHelpOptions = true, description = "Manage probes: checks that measure uptime from outside.",
        subcommands = {ProbeCommand.ListProbes.class, ProbeCommand.Add.class, ProbeCommand.Remove.class})
public final class ProbeCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: list, add or remove");
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List probes with their current streaks.")
    static final class ListProbes implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%-20s %-40s %-16s %-8s %s%n", "ID", "CHECKS", "COMPONENT", "EVERY", "STATE");
            for (JsonNode p : ApiClient.fromEnvironment().get("/api/v1/probes")) {
                JsonNode state = p.get("state");
                String streak = state.get("consecutive_failures").asInt() > 0
                        ? state.get("consecutive_failures").asInt() + " failing" : state.get("consecutive_successes").asInt() + " passing";
                out.printf("%-20s %-40s %-16s %-8s %s%s%n", p.get("id").asText(), p.get("url").asText(),
                        p.path("component").asText("-"), p.get("interval").asText(), streak,
                        state.get("incident_id").isNull() ? "" : ", incident " + state.get("incident_id").asLong());
            }
            return 0;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a probe; prints its id.")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "NAME", description = "The probe's name, e.g. web")
        String name;
        @Parameters(index = "1", paramLabel = "URL", description = "An http(s):// URL, or tcp://host:port for a TCP connect check")
        String url;
        @Option(names = "--component", paramLabel = "ID", description = "The component it measures")
        String component;
        @Option(names = "--interval", paramLabel = "DURATION", description = "How often to check, e.g. PT30S")
        String interval;
        @Option(names = "--timeout", paramLabel = "DURATION", description = "How long one check may take, e.g. PT5S")
        String timeout;
        @Option(names = "--auto-incident", description = "Open and resolve incidents on the component from the results")
        boolean autoIncident;

        @Override
        public Integer call() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", name);
            body.put("url", url);
            putIfSet(body, "component", component);
            putIfSet(body, "interval", interval);
            putIfSet(body, "timeout", timeout);
            if (autoIncident) {
                body.put("auto_incident", true);
            }
            spec.commandLine().getOut().println(ApiClient.fromEnvironment().post("/api/v1/probes", body).get("id").asText());
            return 0;
        }

        private static void putIfSet(Map<String, Object> body, String key, String value) {
            if (value != null) {
                body.put(key, value);
            }
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a probe (its history goes with it).")
    static final class Remove implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "ID", description = "The probe's id")
        String id;

        @Override
        public Integer call() {
            ApiClient.fromEnvironment().delete("/api/v1/probes/" + id);
            spec.commandLine().getOut().println("Probe '" + id + "' removed.");
            return 0;
        }
    }
}
