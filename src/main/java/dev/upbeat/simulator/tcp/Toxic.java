package dev.upbeat.simulator.tcp;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One toxic on a proxy. {@code serial} tells a toxic from a later one of the same name, so a
 * connection keeps its per-toxic state (bytes counted by limit_data) across updates only.
 */
public record Toxic(String name, ToxicType type, Direction stream, float toxicity, Map<String, Long> attributes, long serial) {

    public Toxic {
        Map<String, Long> all = new LinkedHashMap<>();
        for (String a : type.attributes()) {
            all.put(a, attributes.getOrDefault(a, 0L));
        }
        attributes = java.util.Collections.unmodifiableMap(all);
    }

    /** Toxiproxy's toxic object, as its API shows it: how runs, schedules and drills show and store theirs. */
    @JsonValue
    public JsonNode json() {
        return ToxiproxyJson.toxic(this);
    }

    /** Reads a stored toxic object (checked when it was taken, by {@link ToxicSpecs}). */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Toxic of(JsonNode node) {
        return ToxiproxyJson.newToxic(node);
    }

    public long attribute(String key) {
        return attributes.get(key);
    }

    /** Attributes merged into the current ones, as Toxiproxy decodes an update over the existing toxic. */
    Toxic updated(Map<String, Long> changes, float newToxicity) {
        Map<String, Long> merged = new LinkedHashMap<>(attributes);
        changes.forEach((k, v) -> {
            if (merged.containsKey(k)) {
                merged.put(k, v);
            }
        });
        return new Toxic(name, type, stream, newToxicity, merged, serial);
    }
}
