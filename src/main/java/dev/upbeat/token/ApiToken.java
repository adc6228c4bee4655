package dev.upbeat.token;

import java.time.Instant;

/** A named API token as stored: only the hash of its secret is kept. */
public record ApiToken(String id, String name, String tokenHash, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
