package dev.upbeat.component;

/**
 * What a caller asks for when creating or changing a component. On change, a null field is left
 * as it is; an empty {@code group} or {@code description} clears it.
 *
 * @param group the name or id of a group; a name that matches no group creates one
 * @param owner the owner team; an empty team name removes the owner
 */
public record ComponentDraft(
        String id,
        String name,
        String group,
        String description,
        Integer position,
        Boolean onlyShowIfDegraded,
        ComponentStatus status,
        OwnerDraft owner,
        Integer tier,
        Exposure exposure) {

    /** An owner team as asked for: its name, and a channel and address to reach it. */
    public record OwnerDraft(String team, String channel, String address) {
    }

    /** A builder with every field null, which on change means "leave as it is". */
    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String id;
        private String name;
        private String group;
        private String description;
        private Integer position;
        private Boolean onlyShowIfDegraded;
        private ComponentStatus status;
        private OwnerDraft owner;
        private Integer tier;
        private Exposure exposure;

        private Builder() {
        }

        public Builder id(String id) { this.id = id; return this; }
        public Builder name(String name) { this.name = name; return this; }
        public Builder group(String group) { this.group = group; return this; }
        public Builder description(String description) { this.description = description; return this; }
        public Builder position(Integer position) { this.position = position; return this; }
        public Builder onlyShowIfDegraded(Boolean onlyShowIfDegraded) {
            this.onlyShowIfDegraded = onlyShowIfDegraded;
            return this;
        }
        public Builder status(ComponentStatus status) { this.status = status; return this; }
        public Builder owner(OwnerDraft owner) { this.owner = owner; return this; }
        public Builder tier(Integer tier) { this.tier = tier; return this; }
        public Builder exposure(Exposure exposure) { this.exposure = exposure; return this; }

        public ComponentDraft build() {
            return new ComponentDraft(id, name, group, description, position, onlyShowIfDegraded, status, owner, tier, exposure);
        }
    }
}
