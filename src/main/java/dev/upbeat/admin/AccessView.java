package dev.upbeat.admin;

import java.util.List;

/**
 * The users, API tokens and account pages; {@code secret} is a just-made password or token, shown once.
 * Each page fills only its own part, so build one by name with {@link #builder()}.
 */
public record AccessView(Chrome chrome, List<UserItem> users, List<TokenItem> tokens, Account account, String secret, Form form) {

    /** A builder with no users and no tokens; everything else is null until set. */
    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private Chrome chrome;
        private List<UserItem> users = List.of();
        private List<TokenItem> tokens = List.of();
        private Account account;
        private String secret;
        private Form form;

        private Builder() {
        }

        public Builder chrome(Chrome chrome) { this.chrome = chrome; return this; }
        public Builder users(List<UserItem> users) { this.users = users; return this; }
        public Builder tokens(List<TokenItem> tokens) { this.tokens = tokens; return this; }
        public Builder account(Account account) { this.account = account; return this; }
        public Builder secret(String secret) { this.secret = secret; return this; }
        public Builder form(Form form) { this.form = form; return this; }

        public AccessView build() {
            return new AccessView(chrome, users, tokens, account, secret, form);
        }
    }

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
