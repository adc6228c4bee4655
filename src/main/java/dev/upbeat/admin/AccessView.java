package dev.upbeat.admin;

import java.util.List;

/** The users, API tokens and account pages; {@code secret} is a just-made password or token, shown once. */
public record AccessView(Chrome chrome, List<UserItem> users, List<TokenItem> tokens, Account account, String secret, Form form) {

    /** The roles a user may be given, for the select boxes. */
    public List<IncidentViews.Option> roles() {
        return Words.roles();
    }

    public record UserItem(String id, String email, String role, boolean secondFactor, String created) {
    }

    public record TokenItem(String id, String name, String created, String lastUsed, boolean active) {
    }

    /** The signed-in person's second factor: on, or a fresh secret to enrol with. */
    public record Account(String email, boolean secondFactor, String newSecret, String otpauthUri) {
    }
}
