package dev.upbeat.component;

/** What a caller asks for when creating or changing a group; on change, null means unchanged. */
public record GroupDraft(String name, String description, Integer position) {
}
