package dev.upbeat.admin;

import java.util.List;

/** The components page: groups and components in page order, each with its edit form, and the create forms. */
public record ComponentsView(Chrome chrome, List<GroupItem> groups, List<ComponentItem> components, List<IncidentViews.Option> statuses,
                             Form form, String editing) {

    public record GroupItem(String id, String name, String description) {
    }

    /** {@code manualStatus} is the wire word an operator set; {@code statusWords} what the page shows now. */
    public record ComponentItem(String id, String name, String group, String description, String manualStatus, String statusWords) {
    }

    /** The form's values for the item being edited (after a refusal), else the item's own. */
    public String value(String itemId, String field, String own) {
        return itemId.equals(editing) && form.values().containsKey(field) ? form.value(field) : own;
    }

    public String error(String itemId, String field) {
        return itemId.equals(editing) ? form.error(field) : null;
    }
}
