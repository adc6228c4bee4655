package dev.upbeat.probe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * The small JSON path probes understand: names and array indexes separated by dots
 * ({@code status}, {@code data.items.0.state}). No wildcards or filters: a check compares one value.
 */
final class JsonPath {
    private JsonPath() {
    }

    static boolean isValid(String path) {
        return path.matches("[^.\\s]+(\\.[^.\\s]+)*");
    }

    /** The value at {@code path}, or empty when a step does not exist. */
    static Optional<JsonNode> find(JsonNode root, String path) {
        JsonNode node = root;
        for (String step : path.split("\\.")) {
            if (node.isArray() && step.matches("\\d+")) {
                // Longer than nine digits cannot be an int, so no array has that element.
                node = step.length() > 9 ? null : node.get(Integer.parseInt(step));
            } else {
                node = node.isObject() ? node.get(step) : null;
            }
            if (node == null) {
                return Optional.empty();
            }
        }
        return Optional.of(node);
    }

    /** A value as compared with json_equals: strings without quotes, anything else as JSON text. */
    static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : node.toString();
    }
}
