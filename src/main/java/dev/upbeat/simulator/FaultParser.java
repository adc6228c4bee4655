package dev.upbeat.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.upbeat.json.Json;
import dev.upbeat.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads fault lists from JSON with messages that name the field: an unknown type lists the
 * allowed ones, an unknown parameter lists the fault's parameters. Also the stored form.
 */
public final class FaultParser {
    private static final TypeReference<List<Fault>> LIST = new TypeReference<>() { };

    private FaultParser() {
    }

    /** Checks and reads {@code faults} from a request; at least one fault is required. */
    public static List<Fault> parse(JsonNode faults) {
        if (faults == null || !faults.isArray() || faults.isEmpty()) {
            throw Problem.invalid("faults", "faults must be a non-empty array, e.g. [{\"type\":\"maintenance\"}]");
        }
        List<Fault> parsed = new ArrayList<>();
        for (int i = 0; i < faults.size(); i++) {
            parsed.add(parseOne(faults.get(i), "faults[" + i + "]"));
        }
        return List.copyOf(parsed);
    }

    static Fault parseOne(JsonNode node, String prefix) {
        if (node == null || !node.isObject()) {
            throw Problem.invalid(prefix, prefix + " must be an object with a type");
        }
        JsonNode type = node.get("type");
        if (type == null || !type.isTextual() || FaultType.fromWire(type.asText()).isEmpty()) {
            throw Problem.invalid(prefix + ".type", prefix + ".type must be one of " + FaultType.allowedValues()
                    + "; got " + (type == null ? "nothing" : type.toString()));
        }
        Fault fault;
        try {
            fault = Json.mapper().treeToValue(node, Fault.class);
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
            throw Problem.invalid(prefix + "." + e.getPropertyName(), "Unknown field '" + e.getPropertyName() + "' in " + prefix
                    + " (" + type.asText() + "); known fields: type, " + known);
        } catch (MismatchedInputException e) {
            String field = e.getPath().stream().map(r -> r.getFieldName() == null ? "[" + r.getIndex() + "]" : "." + r.getFieldName())
                    .collect(Collectors.joining());
            throw Problem.invalid(prefix + field, prefix + field + " has the wrong type or format: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw Problem.invalid(prefix, prefix + " could not be read: " + e.getOriginalMessage());
        }
        fault.validate(prefix);
        return fault;
    }

    /** The stored form: the same JSON as the API takes. */
    public static String store(List<Fault> faults) {
        try {
            return Json.mapper().writerFor(LIST).writeValueAsString(faults);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot store faults", e);
        }
    }

    public static List<Fault> load(String stored) {
        try {
            return Json.mapper().readValue(stored, LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored faults cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
