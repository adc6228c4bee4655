package dev.upbeat.user;

import java.time.Instant;

/**
 * A signed-in browser: the user and the anti-forgery token every form of this session must
 * carry. The token is derived from the secret session id, which only the browser holds.
 */
public record Session(String idHash, User user, String csrfToken, Instant lastSeenAt, Instant expiresAt) {
}
