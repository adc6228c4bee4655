package dev.upbeat.user;

import java.time.Instant;

/**
 * A person who signs in to the admin pages, as stored. {@code passwordHash} is the encoded slow
 * hash ({@link Passwords}); {@code totpSecret} is Base32, null without a second factor.
 */
public record User(String id, String email, Role role, String passwordHash, String totpSecret, Instant createdAt) {

    public boolean hasSecondFactor() {
        return totpSecret != null;
    }

    @Override
    public String toString() {
        return "User[" + email + ", " + role.wire() + "]";
    }
}
