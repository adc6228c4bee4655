package dev.upbeat.subscription;

import dev.upbeat.storage.Tx;
import java.util.Optional;

/** The generated key for signed links, kept in {@code settings} so that every instance shares it. */
public final class SigningKeyRepository {
    private static final String KEY = "link_signing_key";

    public Optional<String> find(Tx tx) {
        return tx.handle().createQuery("SELECT value FROM settings WHERE key = :k").bind("k", KEY).mapTo(String.class).findOne();
    }

    /** Stores {@code candidate} unless another instance stored one first; returns the key in force. */
    public String putIfAbsent(Tx tx, String candidate) {
        tx.handle().createUpdate("INSERT INTO settings (key, value) VALUES (:k, :v) ON CONFLICT (key) DO NOTHING")
                .bind("k", KEY).bind("v", candidate).execute();
        return find(tx).orElseThrow();
    }
}
