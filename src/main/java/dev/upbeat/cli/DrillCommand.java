package dev.upbeat.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.upbeat.simulator.drill.Verdict;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code upbeat drill run|show}: drills through a running Upbeat's API. */
@Command(name = "drill", mixinStandardHelpOptions = true, description = "Rehearse an outage and get a verdict.",
        subcommands = {DrillCommand.RunDrill.class, DrillCommand.Show.class})
public final class DrillCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: run or show");
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Start a drill, wait for its verdict and print the report as Markdown; exits 0 only on pass.")
    static final class RunDrill implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "TARGET")
        String target;
        @Option(names = "--check", required = true, paramLabel = "URL", description = "A URL of your app that must answer 2xx/3xx; repeatable")
        List<String> checks;
        @Option(names = "--fault", description = "A fault type or JSON object, for an http target (default maintenance); repeatable")
        List<String> faults;
        @Option(names = "--toxic", description = "A toxic type or a Toxiproxy toxic as JSON, for a tcp target; repeatable")
        List<String> toxics;
        @Option(names = "--duration", defaultValue = "PT5M", description = "How long the simulation lasts (default ${DEFAULT-VALUE})")
        String duration;
        @Option(names = "--max-latency", description = "Slowest acceptable answer of each check, e.g. PT1S")
        String maxLatency;
        @Option(names = "--interval", defaultValue = "PT5S", description = "Time between checks (default ${DEFAULT-VALUE})")
        String interval;
        @Option(names = "--abort-on-breach", description = "End the simulation at the first failed check")
        boolean abort;
        @Option(names = "--notice", description = "A private note for admins")
        String notice;

        @Override
        public Integer call() throws InterruptedException {
            ApiClient api = ApiClient.fromEnvironment();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("target", target);
            body.putAll(SimCommand.effects(faults, toxics, "maintenance"));
            body.put("duration", duration);
            body.put("interval", interval);
            body.put("abort_on_breach", abort);
            body.put("notice", notice);
            body.put("checks", checks.stream().map(url -> {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("url", url);
                c.put("max_latency", maxLatency);
                return c;
            }).toList());
            long id = api.post("/api/v1/drills", body).get("id").asLong();
            spec.commandLine().getErr().println("Drill " + id + " running on " + target + "...");
            JsonNode report = api.get("/api/v1/drills/" + id);
            while (report.get("verdict").asText().equals(Verdict.RUNNING.wire())) {
                Thread.sleep(1_000);
                report = api.get("/api/v1/drills/" + id);
            }
            spec.commandLine().getOut().print(Show.markdown(api, id));
            spec.commandLine().getOut().flush();
            return report.get("verdict").asText().equals(Verdict.PASS.wire()) ? 0 : 2;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Print a drill's report (Markdown, or JSON with --json).")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "ID")
        long id;
        @Option(names = "--json", description = "Print the JSON report")
        boolean json;

        @Override
        public Integer call() {
            ApiClient api = ApiClient.fromEnvironment();
            spec.commandLine().getOut().print(json ? ApiClient.pretty(api.get("/api/v1/drills/" + id)) + "\n" : markdown(api, id));
            spec.commandLine().getOut().flush();
            return 0;
        }

        static String markdown(ApiClient api, long id) {
            return api.text("/api/v1/drills/" + id + "/report.md");
        }
    }
}
