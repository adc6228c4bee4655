package dev.upbeat.simulator.tcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.upbeat.problem.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads the toxics of a simulation, schedule or drill on a {@code tcp} target: Toxiproxy's toxic
 * objects with its defaults, but checked as Upbeat checks faults, naming the field ({@code
 * toxics[1].attributes.latency}), since a scheduled drill's mistake should be refused when it is
 * written, not found at 3 a.m.
 */
public final class ToxicSpecs {
    private static final Set<String> FIELDS = Set.of("name", "type", "stream", "toxicity", "attributes");

    private ToxicSpecs() {
    }

    /** Checks and reads {@code toxics} from a request; at least one is required. */
    public static List<Toxic> parse(JsonNode toxics) {
        if (toxics == null || !toxics.isArray() || toxics.isEmpty()) {
            throw Problem.invalid("toxics", "toxics must be a non-empty array of Toxiproxy toxics, e.g. "
                    + "[{\"type\":\"latency\",\"stream\":\"downstream\",\"attributes\":{\"latency\":200}}]");
        }
        List<Toxic> parsed = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < toxics.size(); i++) {
            String prefix = "toxics[" + i + "]";
            Toxic t = parseOne(toxics.get(i), prefix);
            if (!names.add(t.name())) {
                throw Problem.invalid(prefix + ".name", prefix + ".name '" + t.name() + "' is used twice; give each toxic its own name");
            }
            parsed.add(t);
        }
        return List.copyOf(parsed);
    }

    private static Toxic parseOne(JsonNode node, String prefix) {
        if (node == null || !node.isObject()) {
            throw Problem.invalid(prefix, prefix + " must be an object with a type");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!FIELDS.contains(field)) {
                throw Problem.invalid(prefix + "." + field, "Unknown field '" + field + "' in " + prefix + "; known fields: " + FIELDS);
            }
        }
        JsonNode type = node.get("type");
        ToxicType kind = type == null || !type.isTextual() ? null : known(type.textValue());
        if (kind == null) {
            throw Problem.invalid(prefix + ".type", prefix + ".type must be one of " + wires() + "; got "
                    + (type == null ? "nothing" : type.toString()));
        }
        checkAttributes(node.get("attributes"), kind, prefix + ".attributes");
        Toxic toxic;
        try {
            toxic = ToxiproxyJson.newToxic(node);
        } catch (ToxiproxyError e) {
            String field = e.getMessage().contains("stream") ? ".stream" : e.getMessage().contains("toxicity") ? ".toxicity" : "";
            throw Problem.invalid(prefix + field, prefix + field + ": " + e.getMessage());
        }
        if (!(toxic.toxicity() >= 0 && toxic.toxicity() <= 1)) {
            throw Problem.invalid(prefix + ".toxicity", prefix + ".toxicity must be from 0 to 1; got " + toxic.toxicity());
        }
        return toxic;
    }

    private static void checkAttributes(JsonNode attributes, ToxicType kind, String prefix) {
        if (attributes == null || attributes.isNull()) {
            return;
        }
        if (!attributes.isObject()) {
            throw Problem.invalid(prefix, prefix + " must be an object, e.g. {\"" + kind.attributes().getFirst() + "\": 100}");
        }
        for (Iterator<java.util.Map.Entry<String, JsonNode>> it = attributes.fields(); it.hasNext(); ) {
            var e = it.next();
            String field = prefix + "." + e.getKey();
            if (!kind.attributes().contains(e.getKey())) {
                throw Problem.invalid(field, "Unknown attribute '" + e.getKey() + "' of " + kind.wire() + "; known: " + kind.attributes());
            }
            if (!e.getValue().isIntegralNumber() || !e.getValue().canConvertToLong() || e.getValue().longValue() < 0) {
                throw Problem.invalid(field, field + " must be a whole number, 0 or more; got " + e.getValue());
            }
        }
    }

    private static ToxicType known(String wire) {
        for (ToxicType t : ToxicType.values()) {
            if (t.wire().equals(wire)) {
                return t;
            }
        }
        return null;
    }

    /** The toxic types, as refusals list them. */
    public static List<String> wires() {
        return java.util.Arrays.stream(ToxicType.values()).map(ToxicType::wire).toList();
    }

    /** The stored form: the same JSON as the API takes and shows (null for none, as on rows of HTTP runs). */
    public static String store(List<Toxic> toxics) {
        if (toxics == null || toxics.isEmpty()) {
            return null;
        }
        try {
            return dev.upbeat.json.Json.mapper().writeValueAsString(toxics);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Cannot store toxics", e);
        }
    }

    public static List<Toxic> load(String stored) {
        if (stored == null) {
            return List.of();
        }
        try {
            return List.copyOf(dev.upbeat.json.Json.mapper().readValue(stored,
                    new com.fasterxml.jackson.core.type.TypeReference<List<Toxic>>() { }));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Stored toxics cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
