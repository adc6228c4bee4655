package dev.upbeat.admin;

import java.util.List;

/** The probes page: each probe with its last result and state and its edit form, and the create form. */
public record ProbesView(Chrome chrome, List<ProbeItem> probes, List<IncidentViews.Option> components, Form form, String editing) {

    /** {@code url} is a URL, or host:port for a TCP check; {@code incidentId} the auto-incident open now, or null. */
    public record ProbeItem(String id, String name, String kind, String url, String interval, String timeout, String component,
                            boolean autoIncident, int failuresToOpen, int successesToResolve, String lastResult, String state,
                            Long incidentId) {
    }

    public String value(String itemId, String field, String own) {
        return itemId.equals(editing) && form.values().containsKey(field) ? form.value(field) : own;
    }

    public String error(String itemId, String field) {
        return itemId.equals(editing) ? form.error(field) : null;
    }

    public String invalid(String itemId, String field) {
        return error(itemId, field) != null ? "true" : null;
    }

    /** Refusals of the form of {@code itemId} about no field it shows. */
    public List<String> unplaced(String itemId) {
        return itemId.equals(editing) ? form.otherErrors(List.of("name", "url", "interval", "timeout", "component", "auto_incident",
                "failures_to_open", "successes_to_resolve")) : List.of();
    }
}
