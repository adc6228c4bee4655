package dev.upbeat.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.upbeat.json.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The reference page of the API, drawn from its OpenAPI description (the one file the tests
 * hold the server to), so the page and the API cannot say different things. Pure: the document
 * in, the records the template shows out.
 */
public record ApiReference(String title, String version, String description, List<Section> sections, List<Named> schemas) {
    private static final List<String> METHODS = List.of("get", "put", "post", "patch", "delete");

    /** The operations of one tag, in document order. */
    public record Section(String tag, List<Operation> operations) {
    }

    public record Operation(String anchor, String method, String path, String summary, String description, boolean needsToken,
                            List<Parameter> parameters, String requestType, Shape request, List<Answer> answers) {
    }

    /**
     * A body's schema: a link to a named schema ({@code ref}, shown as {@code label}: "Component" or
     * "array of Component") when it is one, else the schema written out ({@code json}).
     */
    public record Shape(String ref, String label, String json) {
        static Shape of(JsonNode schema) {
            JsonNode named = schema.path("type").asText().equals("array") ? schema.path("items") : schema;
            if (named.has("$ref") && named.size() == 1) {
                String name = named.get("$ref").asText().substring(named.get("$ref").asText().lastIndexOf('/') + 1);
                return new Shape(name, named == schema ? name : "array of " + name, null);
            }
            return new Shape(null, null, pretty(schema));
        }
    }

    public record Parameter(String name, String in, boolean required, String description, String schema) {
    }

    /** One documented status; {@code body} is null when it has none. */
    public record Answer(String status, String description, String type, Shape body, List<String> headers) {
    }

    public record Named(String name, String schema) {
    }

    public static ApiReference of(JsonNode doc) {
        JsonNode info = doc.path("info");
        List<Section> sections = new ArrayList<>();
        for (JsonNode tag : doc.path("tags")) {
            sections.add(new Section(tag.path("name").asText(), operations(doc, tag.path("name").asText())));
        }
        List<Named> schemas = new ArrayList<>();
        fields(doc.path("components").path("schemas")).forEachRemaining(e -> schemas.add(new Named(e.getKey(), pretty(e.getValue()))));
        return new ApiReference(info.path("title").asText(), info.path("version").asText(), info.path("description").asText(),
                sections, schemas);
    }

    private static List<Operation> operations(JsonNode doc, String tag) {
        List<Operation> found = new ArrayList<>();
        fields(doc.path("paths")).forEachRemaining(path -> {
            for (String method : METHODS) {
                JsonNode op = path.getValue().get(method);
                if (op != null && tag.equals(op.path("tags").path(0).asText())) {
                    found.add(operation(doc, method, path.getKey(), op));
                }
            }
        });
        return found;
    }

    private static Operation operation(JsonNode doc, String method, String path, JsonNode op) {
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode p : op.path("parameters")) {
            JsonNode param = deref(doc, p);
            parameters.add(new Parameter(param.path("name").asText(), param.path("in").asText(), param.path("required").asBoolean(),
                    param.path("description").asText(""), param.path("schema").toString()));
        }
        Map.Entry<String, JsonNode> request = first(op.path("requestBody").path("content"));
        // An SBOM upload takes several media types; the page names them all and shows the first one's shape.
        List<String> requestTypes = new ArrayList<>();
        op.path("requestBody").path("content").fieldNames().forEachRemaining(requestTypes::add);
        List<Answer> answers = new ArrayList<>();
        fields(op.path("responses")).forEachRemaining(e -> {
            JsonNode r = deref(doc, e.getValue());
            Map.Entry<String, JsonNode> body = first(r.path("content"));
            List<String> headers = new ArrayList<>();
            r.path("headers").fieldNames().forEachRemaining(headers::add);
            answers.add(new Answer(e.getKey(), r.path("description").asText(), body == null ? null : body.getKey(),
                    body == null ? null : Shape.of(body.getValue().path("schema")), headers));
        });
        // No "security" inherits the document's (a token); [] or an empty alternative ({}) means none is needed.
        boolean token = !op.has("security") || (!op.path("security").isEmpty() && op.path("security").findParent("bearer") != null
                && !containsEmpty(op.path("security")));
        return new Operation(op.path("operationId").asText(), method.toUpperCase(java.util.Locale.ROOT), path, op.path("summary").asText(),
                op.path("description").asText(""), token, parameters, request == null ? null : String.join(", ", requestTypes),
                request == null ? null : Shape.of(request.getValue().path("schema")), answers);
    }

    private static boolean containsEmpty(JsonNode alternatives) {
        for (JsonNode a : alternatives) {
            if (a.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode deref(JsonNode doc, JsonNode node) {
        return node.has("$ref") ? doc.at(node.get("$ref").asText().substring(1)) : node;
    }

    private static Map.Entry<String, JsonNode> first(JsonNode content) {
        Iterator<Map.Entry<String, JsonNode>> it = fields(content);
        return it.hasNext() ? it.next() : null;
    }

    private static Iterator<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        return node.properties().iterator();
    }

    private static String pretty(JsonNode schema) {
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(schema);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
