package dev.upbeat.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.upbeat.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The API's description (src/main/resources/openapi.json) held against what the server really
 * does: every exchange the test client makes with {@code /api/v1} is matched to an operation of
 * the document by method and path template, and its status, answer and (for a 2xx) request body
 * and query parameters are validated against it with a JSON Schema 2020-12 validator. An
 * undocumented path, method, status or field fails the test that made the call, so the document
 * cannot drift from the code.
 */
public final class ApiContract {
    /** Where the document is registered for the validator, so $refs inside it resolve. */
    private static final String DOCUMENT = "https://upbeat.invalid/openapi.json";
    private static final String NATIVE = "/api/v1";
    private static final ApiContract INSTANCE = new ApiContract();
    /** Statuses the server gives before any route is matched, so no operation can document them. */
    private static final Set<Integer> BEFORE_ROUTING = Set.of(400, 404, 413, 414, 431);
    /** Statuses the server gives before it has read the request line and headers: no route can list them. */
    private static final Set<Integer> BEFORE_READING = Set.of(414, 431);

    private record Template(String path, Pattern pattern, int parameters) {
    }

    private final JsonNode document;
    private final List<Template> templates;
    private final JsonSchemaFactory registry;
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();
    private final Set<String> seen = new java.util.concurrent.ConcurrentSkipListSet<>();

    private ApiContract() {
        String text = read();
        try {
            document = Json.mapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Template> found = new ArrayList<>();
        document.get("paths").fieldNames().forEachRemaining(p -> found.add(new Template(p,
                Pattern.compile(Pattern.quote(p).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q")), p.split("\\{", -1).length - 1)));
        // /components/order before /components/{id}: the literal path wins, as in the router.
        found.sort(Comparator.comparingInt(Template::parameters));
        templates = List.copyOf(found);
        registry = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                b -> b.schemaLoaders(loaders -> loaders.schemas(Map.of(DOCUMENT, text))));
        Runtime.getRuntime().addShutdownHook(new Thread(this::writeCoverage));
    }

    /**
     * Which documented answers this test run saw (target/api-contract/&lt;run&gt;.txt): a status the tests never
     * meet is a line of the description that nothing holds to the code.
     */
    private void writeCoverage() {
        if (seen.isEmpty()) {
            return;
        }
        List<String> lines = new ArrayList<>();
        document.get("paths").properties().forEach(p -> p.getValue().properties().forEach(m -> m.getValue().path("responses")
                .fieldNames().forEachRemaining(status -> {
                    String key = m.getKey().toUpperCase(Locale.ROOT) + " " + p.getKey() + " " + status;
                    lines.add((seen.contains(key) ? "seen     " : "not seen ") + key);
                })));
        try {
            java.nio.file.Path dir = java.nio.file.Path.of("target", "api-contract");
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.write(dir.resolve(ProcessHandle.current().pid() + ".txt"), lines);
        } catch (IOException e) {
            // Only a report; the run's result does not depend on it.
        }
    }

    public static ApiContract get() {
        return INSTANCE;
    }

    public JsonNode document() {
        return document;
    }

    /** The document's path template that {@code path} (no query) matches, or null. */
    public String template(String path) {
        return templates.stream().filter(t -> t.pattern().matcher(path).matches()).map(Template::path).findFirst().orElse(null);
    }

    /** One exchange as the test client saw it; {@code requestBody} and the content types may be null. */
    public record Exchange(String method, URI uri, String requestType, String requestBody, int status, String responseType,
                           String responseBody, java.util.function.Function<String, String> responseHeader) {
    }

    /** Throws an AssertionError naming the operation and where the exchange departs from the document; silent off /api/v1. */
    public void check(Exchange x) {
        String path = x.uri().getRawPath();
        if (path == null || !(path.equals(NATIVE) || path.startsWith(NATIVE + "/"))) {
            return;
        }
        String template = template(path);
        String method = "HEAD".equals(x.method()) ? "get" : x.method().toLowerCase(Locale.ROOT);
        String call = x.method() + " " + path;
        if (template == null) {
            expectError(x, call + " is not in the API description", BEFORE_ROUTING);
            return;
        }
        JsonNode operation = document.get("paths").get(template).get(method);
        if (operation == null) {
            expectError(x, call + ": " + x.method() + " " + template + " is not in the API description",
                    Set.of(400, 404, 405, 413, 414, 431));
            return;
        }
        String name = x.method() + " " + template + " (" + operation.path("operationId").asText() + ")";
        seen.add(method.toUpperCase(Locale.ROOT) + " " + template + " " + x.status());
        String statusPointer = "/paths/" + escape(template) + "/" + method + "/responses/" + x.status();
        Resolved response = resolve(operation.path("responses").get(Integer.toString(x.status())), statusPointer);
        if (response == null) {
            if (BEFORE_READING.contains(x.status()) && isError(x)) {
                return;
            }
            throw new AssertionError(name + " answered " + x.status() + ", which the API description does not list for it: "
                    + x.responseBody());
        }
        checkResponse(x, name, response.node(), response.pointer());
        if (x.status() / 100 == 2) {
            checkPath(path, template, name, operation);
            checkQuery(x, name, operation);
            checkRequest(x, name, operation, "/paths/" + escape(template) + "/" + method);
        }
    }

    private void checkResponse(Exchange x, String name, JsonNode response, String pointer) {
        checkHeaders(x, name, response, pointer);
        if ("HEAD".equals(x.method())) {
            return;
        }
        boolean empty = x.responseBody() == null || x.responseBody().isEmpty();
        JsonNode content = response.get("content");
        if (content == null) {
            if (!empty) {
                throw new AssertionError(name + " answered " + x.status() + " with a body the description says it has none of: "
                        + x.responseBody());
            }
            return;
        }
        if (empty) {
            throw new AssertionError(name + " answered " + x.status() + " with no body; the description gives it one");
        }
        String type = mediaType(x.responseType());
        if (!content.has(type)) {
            throw new AssertionError(name + " answered " + x.status() + " as " + x.responseType() + "; the description says "
                    + fieldNames(content));
        }
        if (type.equals("application/json")) {
            validate(name + " answered " + x.status() + ", its body", pointer + "/content/" + escape(type) + "/schema", x.responseBody());
        }
    }

    /** Each header the response promises is there, and its value fits the header's schema. */
    private void checkHeaders(Exchange x, String name, JsonNode response, String pointer) {
        response.path("headers").properties().forEach(e -> {
            JsonNode header = e.getValue();
            String headerPointer = pointer + "/headers/" + escape(e.getKey());
            if (header.has("$ref")) {
                headerPointer = header.get("$ref").asText().substring(1);
                header = at(header.get("$ref").asText());
            }
            String value = x.responseHeader().apply(e.getKey());
            if (value == null) {
                if (header.path("required").asBoolean(false)) {
                    throw new AssertionError(name + " answered " + x.status() + " without the " + e.getKey()
                            + " header its description promises");
                }
                return;
            }
            validate(name + " answered " + x.status() + ", its " + e.getKey() + " header", headerPointer + "/schema",
                    parameterValue(header.path("schema"), value));
        });
    }

    /** A header or query value as the JSON its schema speaks of: a number for an integer, text otherwise. */
    private static String parameterValue(JsonNode schema, String value) {
        boolean integer = schema.toString().contains("\"integer\"") && value.matches("-?[0-9]{1,18}");
        return integer ? value : Json.mapper().getNodeFactory().textNode(value).toString();
    }

    private void checkRequest(Exchange x, String name, JsonNode operation, String pointer) {
        if (x.requestBody() == null || x.requestBody().isEmpty()) {
            if (operation.path("requestBody").path("required").asBoolean(false)) {
                throw new AssertionError(name + " succeeded without the request body its description requires");
            }
            return;
        }
        JsonNode content = operation.path("requestBody").get("content");
        if (content == null) {
            throw new AssertionError(name + " succeeded with a request body its description does not have");
        }
        String type = mediaType(x.requestType());
        if (!content.has(type)) {
            throw new AssertionError(name + " succeeded with a " + x.requestType() + " body; the description says " + fieldNames(content));
        }
        if (type.equals("application/json")) {
            validate(name + ", the request body", pointer + "/requestBody/content/" + escape(type) + "/schema", x.requestBody());
        }
    }

    /** The values in the path fit their parameters' schemas (a 2xx means the server took them). */
    private void checkPath(String path, String template, String name, JsonNode operation) {
        List<String> names = new ArrayList<>();
        java.util.regex.Matcher braces = Pattern.compile("\\{([^}]+)}").matcher(template);
        while (braces.find()) {
            names.add(braces.group(1));
        }
        java.util.regex.Matcher values = Pattern.compile(Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E([^/]+)\\\\Q"))
                .matcher(path);
        if (names.isEmpty() || !values.matches()) {
            return;
        }
        for (JsonNode parameter : operation.path("parameters")) {
            int i = names.indexOf(parameter.path("name").asText());
            if ("path".equals(parameter.path("in").asText()) && i >= 0) {
                String value = java.net.URLDecoder.decode(values.group(i + 1), StandardCharsets.UTF_8);
                validateAgainst(name + ", its path parameter '" + names.get(i) + "'", parameter.path("schema"),
                        parameterValue(parameter.path("schema"), value));
            }
        }
    }

    private void checkQuery(Exchange x, String name, JsonNode operation) {
        String query = x.uri().getRawQuery();
        if (query == null || query.isEmpty()) {
            return;
        }
        Map<String, JsonNode> known = new java.util.HashMap<>();
        for (JsonNode p : operation.path("parameters")) {
            JsonNode parameter = p.has("$ref") ? at(p.get("$ref").asText()) : p;
            if ("query".equals(parameter.path("in").asText())) {
                known.put(parameter.get("name").asText(), parameter.path("schema"));
            }
        }
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            String key = java.net.URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
            JsonNode schema = known.get(key);
            if (schema == null) {
                throw new AssertionError(name + " succeeded with the query parameter '" + key + "', which its description does not have");
            }
            String value = kv.length < 2 ? "" : java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
            // An empty value means "any" (the parameter left out), as the API reads it.
            if (!value.isEmpty()) {
                validateAgainst(name + ", its query parameter '" + key + "'", schema, parameterValue(schema, value));
            }
        }
    }

    private void expectError(Exchange x, String message, Set<Integer> statuses) {
        if (!statuses.contains(x.status()) || !isError(x)) {
            throw new AssertionError(message + ", yet it answered " + x.status() + ": " + x.responseBody());
        }
    }

    /** True when the answer is the API's error shape (HEAD answers have no body to look at). */
    private boolean isError(Exchange x) {
        if ("HEAD".equals(x.method())) {
            return true;
        }
        validate(x.method() + " " + x.uri().getRawPath() + " answered " + x.status() + ", its error body",
                "/components/schemas/Error", x.responseBody());
        return true;
    }

    private void validate(String what, String pointer, String body) {
        JsonNode node = readJson(what, body);
        JsonSchema schema = schemas.computeIfAbsent(pointer,
                p -> registry.getSchema("{\"$ref\": \"" + DOCUMENT + "#" + p.replace("\"", "\\\"") + "\"}"));
        Set<ValidationMessage> errors = schema.validate(node);
        if (!errors.isEmpty()) {
            throw new AssertionError(what + " does not match the API description (" + pointer + "):\n"
                    + errors.stream().map(e -> "  at " + pointer(e) + ": " + e.getError()).collect(Collectors.joining("\n"))
                    + "\n" + body);
        }
    }

    /** Validates against a schema given inline (a parameter's), whose $refs, if any, point into the document. */
    private void validateAgainst(String what, JsonNode schema, String body) {
        Set<ValidationMessage> errors = registry.getSchema(schema.toString()).validate(readJson(what, body));
        if (!errors.isEmpty()) {
            throw new AssertionError(what + " does not match the API description " + schema + ": "
                    + errors.stream().map(ValidationMessage::getError).collect(Collectors.joining("; ")) + " (" + body + ")");
        }
    }

    private static JsonNode readJson(String what, String body) {
        try {
            return Json.mapper().readTree(body);
        } catch (IOException e) {
            throw new AssertionError(what + " is not JSON: " + body, e);
        }
    }

    /** The instance location of a violation as a JSON pointer ("" is the whole body). */
    private static String pointer(ValidationMessage e) {
        var location = e.getInstanceLocation();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < location.getNameCount(); i++) {
            sb.append('/').append(location.getName(i).replace("~", "~0").replace("/", "~1"));
        }
        return sb.isEmpty() ? "(the whole body)" : sb.toString();
    }

    /** A response as found in the document, after following its $ref, and where it is there. */
    private record Resolved(JsonNode node, String pointer) {
    }

    /** The response (maybe a $ref to components/responses) that {@code node} finally is; null when absent. */
    private Resolved resolve(JsonNode node, String pointer) {
        if (node == null) {
            return null;
        }
        while (node.has("$ref")) {
            pointer = node.get("$ref").asText().substring(1);
            node = at(node.get("$ref").asText());
        }
        return new Resolved(node, pointer);
    }

    private JsonNode at(String ref) {
        return document.at(ref.substring(1));
    }

    private static String mediaType(String contentType) {
        return contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    }

    private static String fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return String.join(", ", names);
    }

    static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }

    private static String read() {
        try (InputStream in = ApiContract.class.getResourceAsStream("/openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
