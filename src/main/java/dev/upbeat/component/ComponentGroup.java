package dev.upbeat.component;

import java.time.Instant;

/**
 * A named set of components shown together, like Heroku's Apps, Data and Tools. Build one by name
 * with {@link #builder()}, or change a stored one with {@link #toBuilder()}.
 */
public record ComponentGroup(String id, String name, String description, int position, Instant createdAt, Instant updatedAt) {

    /** A builder with every field null or zero until set. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding every field of this group, to change a few. */
    public Builder toBuilder() {
        return new Builder().id(id).name(name).description(description).position(position).createdAt(createdAt)
                .updatedAt(updatedAt);
    }

    public static final class Builder {
        private String id;
        private String name;
        private String description;
        private int position;
        private Instant createdAt;
        private Instant updatedAt;

        private Builder() {
        }

        public Builder id(String id) { this.id = id; return this; }
        public Builder name(String name) { this.name = name; return this; }
        public Builder description(String description) { this.description = description; return this; }
        public Builder position(int position) { this.position = position; return this; }
        public Builder createdAt(Instant createdAt) { this.createdAt = createdAt; return this; }
        public Builder updatedAt(Instant updatedAt) { this.updatedAt = updatedAt; return this; }

        public ComponentGroup build() {
            return new ComponentGroup(id, name, description, position, createdAt, updatedAt);
        }
    }
}
