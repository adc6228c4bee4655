package dev.upbeat.config;

import java.time.Duration;
import java.util.Map;

/**
 * Settings of the admin pages: how long a session lasts without use, and how many failed
 * sign-ins one client address (or one email) may make per 15 minutes.
 */
public record AdminSettings(Duration sessionIdleTimeout, int signInAttempts) {

    static AdminSettings load(ConfigLoader loader) {
        return new AdminSettings(
                loader.read("UPBEAT_SESSION_IDLE_TIMEOUT", "PT12H", ConfigLoader::positiveDuration,
                        "an ISO 8601 duration such as PT12H"),
                loader.read("UPBEAT_SIGN_IN_ATTEMPTS", "10", v -> (int) Math.min(ConfigLoader.positiveLong(v), 10_000),
                        "a positive number of failed sign-ins per 15 minutes"));
    }

    void describe(Map<String, String> d) {
        d.put("UPBEAT_SESSION_IDLE_TIMEOUT", sessionIdleTimeout.toString());
        d.put("UPBEAT_SIGN_IN_ATTEMPTS", Integer.toString(signInAttempts));
    }
}
