package dev.upbeat.simulator.tcp;

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
