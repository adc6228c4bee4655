package dev.upbeat.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.upbeat.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

/** {@code upbeat advisory}: advisories, their triage and their action items, through a running Upbeat's API. */
@Command(name = "advisory", mixinStandardHelpOptions = true, description = "Enter advisories and follow the response to them.",
        subcommands = {AdvisoryCommand.Add.class, AdvisoryCommand.ImportOsv.class, AdvisoryCommand.Show.class,
                AdvisoryCommand.Exposure.class, AdvisoryCommand.Actions.class, AdvisoryDrafts.ListDrafts.class, AdvisoryDrafts.Add.class,
                AdvisoryDrafts.Post.class, AdvisoryDrafts.Notice.class})
public final class AdvisoryCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "Missing subcommand: add, import-osv, show, exposure, actions, drafts, add-draft, post-draft or notice");
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Enter an advisory by hand; prints its id.")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--title", required = true, description = "What it is about")
        String title;
        @Option(names = "--severity", required = true, description = "low, medium, high or critical")
        String severity;
        @Option(names = "--disclosure", description = "When the details lift, e.g. 2022-11-01T13:00:00Z")
        String disclosure;
        @Option(names = "--summary", description = "What is known so far")
        String summary;
        @Option(names = "--affected", required = true, paramLabel = "PURL[ VERS]",
                description = "A package it affects, with its version range after a space if known, e.g. "
                        + "'pkg:generic/openssl vers:generic/>=3.0.0|<3.0.7'; repeat for more")
        List<String> affected;

        @Override
        public Integer call() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("title", title);
            body.put("severity", severity);
            body.put("disclosure_at", disclosure);
            body.put("summary", summary);
            List<Map<String, String>> packages = new ArrayList<>();
            for (String a : affected) {
                String[] parts = a.strip().split("\\s+", 2);
                Map<String, String> p = new LinkedHashMap<>();
                p.put("purl", parts[0]);
                if (parts.length > 1) {
                    p.put("vers", parts[1]);
                }
                packages.add(p);
            }
            body.put("affected", packages);
            JsonNode created = ApiClient.fromEnvironment().post("/api/v1/advisories", body);
            spec.commandLine().getOut().println("Advisory " + created.get("id").asText() + ": " + created.get("title").asText());
            return 0;
        }
    }

    @Command(name = "import-osv", mixinStandardHelpOptions = true,
            description = "Import an OSV record (a record imported before updates its advisory); prints the advisory's id.")
    static final class ImportOsv implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "FILE", description = "The OSV record (JSON)")
        Path file;
        @Option(names = "--severity", description = "low, medium, high or critical, when the record does not say")
        String severity;

        @Override
        public Integer call() {
            JsonNode record;
            try {
                record = Json.mapper().readTree(Files.readString(file));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
            }
            String query = severity == null ? "" : "?severity=" + java.net.URLEncoder.encode(severity, java.nio.charset.StandardCharsets.UTF_8);
            JsonNode a = ApiClient.fromEnvironment().post("/api/v1/advisories/osv" + query, record);
            spec.commandLine().getOut().println("Advisory " + a.get("id").asText() + " (revision " + a.get("revision").asInt() + "): "
                    + a.get("title").asText());
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Print an advisory as JSON.")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "ID")
        long id;

        @Override
        public Integer call() {
            spec.commandLine().getOut().println(ApiClient.pretty(ApiClient.fromEnvironment().get("/api/v1/advisories/" + id)));
            return 0;
        }
    }

    @Command(name = "exposure", mixinStandardHelpOptions = true, description = "The triage, highest priority first: priority, state, component.")
    static final class Exposure implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "ID")
        long id;

        @Override
        public Integer call() {
            for (JsonNode c : ApiClient.fromEnvironment().get("/api/v1/advisories/" + id + "/exposure").get("components")) {
                spec.commandLine().getOut().printf("%4d  %-16s %s%n", c.get("priority").asInt(), c.get("state").asText(),
                        c.get("component").asText());
            }
            return 0;
        }
    }

    @Command(name = "actions", mixinStandardHelpOptions = true,
            description = "List the action items (id, state, component, team, due), or move one with --move.")
    static final class Actions implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "ID", description = "The advisory's id")
        long id;
        @Option(names = "--move", paramLabel = "ACTION", description = "The action item to move")
        Long move;
        @Option(names = "--state", description = "open, in_progress, done or wont_fix")
        String state;
        @Option(names = "--reason", description = "Why (needed for wont_fix)")
        String reason;

        @Override
        public Integer call() {
            ApiClient api = ApiClient.fromEnvironment();
            if (move != null) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("state", state);
                body.put("reason", reason);
                JsonNode a = api.patch("/api/v1/advisories/" + id + "/actions/" + move, body);
                spec.commandLine().getOut().println(line(a));
                return 0;
            }
            for (JsonNode a : api.get("/api/v1/advisories/" + id + "/actions").get("actions")) {
                spec.commandLine().getOut().println(line(a));
            }
            return 0;
        }

        private static String line(JsonNode a) {
            return String.format("%4d  %-12s %-20s %-16s %s%s", a.get("id").asLong(), a.get("state").asText(),
                    a.get("component").asText(), a.get("team").isNull() ? "(no owner)" : a.get("team").asText(),
                    a.get("due_at").isNull() ? "no due time" : "due " + a.get("due_at").asText(),
                    a.get("overdue").asBoolean() ? "  OVERDUE" : "");
        }
    }
}
