package dev.upbeat.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code upbeat component set}: a component's owner, tier and exposure, through a running Upbeat's API. */
@Command(name = "component", mixinStandardHelpOptions = true, description = "Manage components' owners and criticality.",
        subcommands = ComponentCommand.Set.class)
public final class ComponentCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: set");
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Set a component's owner team, tier and exposure; prints what the component now has.")
    static final class Set implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "COMPONENT", description = "The component's id")
        String component;
        @Option(names = "--owner", paramLabel = "TEAM", description = "The owner team's name (empty to remove the owner)")
        String team;
        @Option(names = "--channel", paramLabel = "CHANNEL", description = "How to reach the team: email, slack, teams or webhook")
        String channel;
        @Option(names = "--address", paramLabel = "ADDRESS", description = "The team's email address or webhook URL")
        String address;
        @Option(names = "--tier", paramLabel = "N", description = "1 (most critical) to 3")
        Integer tier;
        @Option(names = "--exposure", paramLabel = "EXPOSURE", description = "internet or internal")
        String exposure;

        @Override
        public Integer call() {
            Map<String, Object> body = new LinkedHashMap<>();
            if (team != null) {
                Map<String, Object> owner = new LinkedHashMap<>();
                owner.put("team", team);
                owner.put("channel", channel);
                owner.put("address", address);
                body.put("owner", owner);
            }
            if (tier != null) {
                body.put("tier", tier);
            }
            if (exposure != null) {
                body.put("exposure", exposure);
            }
            var c = ApiClient.fromEnvironment().patch("/api/v1/components/" + component, body);
            var owner = c.path("owner");
            spec.commandLine().getOut().printf("%s: owner %s, tier %s, exposure %s%n", c.get("id").asText(),
                    owner.isMissingNode() || owner.isNull() ? "-" : owner.get("team").asText() + " (" + owner.get("channel").asText()
                            + " " + owner.get("address").asText() + ")",
                    c.path("tier").isNull() ? "-" : c.path("tier").asText(), c.path("exposure").asText("-"));
            return 0;
        }
    }
}
