package dev.upbeat.component;

/**
 * What a caller asks for when creating or changing a component. On change, a null field is left
 * as it is; an empty {@code group} or {@code description} clears it.
 *
 * @param group the name or id of a group; a name that matches no group creates one
 */
public record ComponentDraft(
        String id,
        String name,
        String group,
        String description,
        Integer position,
        Boolean onlyShowIfDegraded,
        ComponentStatus status) {
}
