package dev.upbeat.component;

import java.time.Instant;

/**
 * A part of the service users care about. {@code status} is the effective status shown to the
 * public; {@code manualStatus} is what an operator set, which applies while nothing holds it.
 * The two statuses sit side by side, so build and change components by name ({@link #builder()}).
 * {@code ownership} is for operators only: the public views never show it.
 */
public record Component(
        String id,
        String name,
        String groupId,
        String description,
        int position,
        boolean onlyShowIfDegraded,
        ComponentStatus manualStatus,
        ComponentStatus status,
        Instant createdAt,
        Instant updatedAt,
        Ownership ownership) {

    public Component {
        ownership = ownership == null ? Ownership.NONE : ownership;
    }

    /** A builder with every field null or zero until set. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding every field of this one, to change a few. */
    public Builder toBuilder() {
        return new Builder().id(id).name(name).groupId(groupId).description(description).position(position)
                .onlyShowIfDegraded(onlyShowIfDegraded).manualStatus(manualStatus).status(status)
                .createdAt(createdAt).updatedAt(updatedAt).ownership(ownership);
    }

    public static final class Builder {
        private String id;
        private String name;
        private String groupId;
        private String description;
        private int position;
        private boolean onlyShowIfDegraded;
        private ComponentStatus manualStatus;
        private ComponentStatus status;
        private Instant createdAt;
        private Instant updatedAt;
        private Ownership ownership = Ownership.NONE;

        private Builder() {
        }

        public Builder id(String id) { this.id = id; return this; }
        public Builder name(String name) { this.name = name; return this; }
        public Builder groupId(String groupId) { this.groupId = groupId; return this; }
        public Builder description(String description) { this.description = description; return this; }
        public Builder position(int position) { this.position = position; return this; }
        public Builder onlyShowIfDegraded(boolean onlyShowIfDegraded) {
            this.onlyShowIfDegraded = onlyShowIfDegraded;
            return this;
        }
        public Builder manualStatus(ComponentStatus manualStatus) { this.manualStatus = manualStatus; return this; }
        public Builder status(ComponentStatus status) { this.status = status; return this; }
        public Builder createdAt(Instant createdAt) { this.createdAt = createdAt; return this; }
        public Builder updatedAt(Instant updatedAt) { this.updatedAt = updatedAt; return this; }
        public Builder ownership(Ownership ownership) { this.ownership = ownership; return this; }

        public Component build() {
            return new Component(id, name, groupId, description, position, onlyShowIfDegraded, manualStatus, status,
                    createdAt, updatedAt, ownership);
        }
    }
}
