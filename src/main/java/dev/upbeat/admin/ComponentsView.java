package dev.upbeat.admin;

import java.util.List;

/** The components page: groups and components in page order, each with its edit form, and the create forms. */
public record ComponentsView(Chrome chrome, List<GroupItem> groups, List<ComponentItem> components, List<IncidentViews.Option> statuses,
                             Ownerships ownerships, Form form, String editing) {

    /** The choices of the ownership fields. */
    public record Ownerships(List<IncidentViews.Option> channels, List<IncidentViews.Option> tiers,
                             List<IncidentViews.Option> exposures) {
    }

    public record GroupItem(String id, String name, String description) {
    }

    /** {@code manualStatus} is the wire word an operator set; {@code statusWords} what the page shows now. */
    public record ComponentItem(String id, String name, String group, String description, String manualStatus, String statusWords,
                                Owner owner) {
    }

    /** Ownership as the form shows it: empty strings where nothing is set. */
    public record Owner(String team, String channel, String address, String tier, String exposure) {
    }

    /** The form's values for the item being edited (after a refusal), else the item's own. */
    public String value(String itemId, String field, String own) {
        return itemId.equals(editing) && form.values().containsKey(field) ? form.value(field) : own;
    }

    public String error(String itemId, String field) {
        return itemId.equals(editing) ? form.error(field) : null;
    }
}
