package dev.upbeat.incident;

import dev.upbeat.component.ComponentService;
import dev.upbeat.component.ComponentStatus;
import dev.upbeat.problem.Check;
import dev.upbeat.problem.Problem;
import dev.upbeat.storage.Tx;
import java.util.LinkedHashMap;
import java.util.Map;

/** Parses the {@code components} map of a request: every id must exist, every status be valid. */
final class ComponentStatuses {
    private ComponentStatuses() {
    }

    static Map<String, ComponentStatus> parse(Tx tx, ComponentService components, Map<String, String> requested) {
        Map<String, ComponentStatus> statuses = new LinkedHashMap<>();
        if (requested == null) {
            return statuses;
        }
        requested.forEach((id, wire) -> {
            String field = "components." + id;
            ComponentStatus status = Check.oneOf(field, wire, ComponentStatus::fromWire, ComponentStatus.allowedValues());
            try {
                components.require(tx, id);
            } catch (Problem notFound) {
                throw Problem.invalid(field, "No component with id '" + id + "'");
            }
            statuses.put(id, status);
        });
        return statuses;
    }
}
