package dev.upbeat.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.upbeat.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code upbeat advisory drafts|add-draft|post-draft|notice}: what an advisory prepares to tell customers. */
final class AdvisoryDrafts {
    private AdvisoryDrafts() {
    }

    @Command(name = "drafts", mixinStandardHelpOptions = true,
            description = "List an advisory's drafts: id, kind, when it posts (or what it became), title.")
    static final class ListDrafts implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "ID", description = "The advisory's id")
        long id;

        @Override
        public Integer call() {
            for (JsonNode d : ApiClient.fromEnvironment().get("/api/v1/advisories/" + id + "/drafts").get("drafts")) {
                spec.commandLine().getOut().println(line(d));
            }
            return 0;
        }
    }

    @Command(name = "add-draft", mixinStandardHelpOptions = true,
            description = "Prepare an incident or a maintenance; without --component it names the components the triage "
                    + "finds exposed or possibly exposed. Prints its id.")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "ID", description = "The advisory's id")
        long id;
        @Option(names = "--kind", defaultValue = "incident", description = "incident (default) or maintenance")
        String kind;
        @Option(names = "--title", required = true)
        String title;
        @Option(names = "--message", required = true, description = "What subscribers and the page are told (Markdown)")
        String message;
        @Option(names = "--component", paramLabel = "ID=STATUS",
                description = "A component and the status the post sets, e.g. checkout=degraded_performance; repeat for more")
        Map<String, String> components;
        @Option(names = "--at-disclosure", description = "Post on its own at the advisory's disclosure time")
        boolean atDisclosure;
        @Option(names = "--from", description = "A maintenance's start (default: the disclosure time)")
        String from;
        @Option(names = "--until", description = "A maintenance's end (default: an hour after its start)")
        String until;

        @Override
        public Integer call() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("kind", kind);
            body.put("title", title);
            body.put("message", message);
            body.put("components", components);
            body.put("scheduled_for", from);
            body.put("scheduled_until", until);
            body.put("post_at_disclosure", atDisclosure);
            JsonNode d = ApiClient.fromEnvironment().post("/api/v1/advisories/" + id + "/drafts", body);
            spec.commandLine().getOut().println("Draft " + d.get("id").asText() + " (" + d.get("kind").asText() + "): "
                    + d.get("title").asText() + ", " + components(d));
            return 0;
        }
    }

    @Command(name = "post-draft", mixinStandardHelpOptions = true,
            description = "Post a draft now, notifying subscribers; prints what it became.")
    static final class Post implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "ID", description = "The advisory's id")
        long id;
        @Parameters(index = "1", paramLabel = "DRAFT", description = "The draft's id")
        long draft;

        @Override
        public Integer call() {
            JsonNode d = ApiClient.fromEnvironment().post("/api/v1/advisories/" + id + "/drafts/" + draft + "/post", null);
            spec.commandLine().getOut().println(line(d));
            return 0;
        }
    }

    @Command(name = "notice", mixinStandardHelpOptions = true,
            description = "Show the public notice, or set it with --text and --publish (or --unpublish), or --remove it.")
    static final class Notice implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "ID", description = "The advisory's id")
        long id;
        @Option(names = "--text", description = "e.g. 'We are aware of CVE-2022-3602; we are not affected.'")
        String text;
        @ArgGroup(exclusive = true)
        Visibility visibility;

        static final class Visibility {
            @Option(names = "--publish", description = "Show it on the status page")
            boolean publish;
            @Option(names = "--unpublish", description = "Keep it off the status page")
            boolean unpublish;
            @Option(names = "--remove", description = "Take it down and forget its text")
            boolean remove;
        }

        @Override
        public Integer call() throws JsonProcessingException {
            ApiClient api = ApiClient.fromEnvironment();
            String path = "/api/v1/advisories/" + id + "/notice";
            if (visibility != null && visibility.remove) {
                api.delete(path);
                spec.commandLine().getOut().println("Notice removed");
                return 0;
            }
            JsonNode n = api.get(path);
            if (text != null || visibility != null) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("text", text != null ? text : n.get("text").isNull() ? null : n.get("text").asText());
                body.put("published", visibility != null ? visibility.publish : n.get("published").asBoolean());
                n = api.put(path, "application/json", Json.mapper().writeValueAsBytes(body));
            }
            spec.commandLine().getOut().println((n.get("published").asBoolean() ? "Published: " : "Not published: ")
                    + (n.get("text").isNull() ? "(no notice)" : n.get("text").asText()));
            return 0;
        }
    }

    private static String line(JsonNode d) {
        String when;
        if (!d.get("posted_at").isNull()) {
            String as = d.get("incident_id").isNull() ? "maintenance " + d.get("maintenance_id").asText() : "incident " + d.get("incident_id").asText();
            when = "posted as " + as;
        } else if (!d.get("post_error").isNull()) {
            when = "NOT POSTED: " + d.get("post_error").asText();
        } else {
            when = d.get("due_at").isNull() ? "by hand" : "due " + d.get("due_at").asText();
        }
        return String.format("%4d  %-11s %-40s %s", d.get("id").asLong(), d.get("kind").asText(), when, d.get("title").asText());
    }

    private static String components(JsonNode d) {
        List<String> named = new java.util.ArrayList<>();
        d.get("components").properties().forEach(e -> named.add(e.getKey() + "=" + e.getValue().asText()));
        return named.isEmpty() ? "no components" : String.join(", ", named);
    }
}
