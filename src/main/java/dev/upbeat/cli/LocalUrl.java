package dev.upbeat.cli;

import java.util.Map;

/**
 * Where the commands that talk to a running Upbeat find it: {@code UPBEAT_URL}, else the server
 * this machine runs with the same environment, {@code http://localhost:$PORT}. Not
 * {@code UPBEAT_BASE_URL}: that is the public address, possibly a CDN still serving an old answer.
 */
final class LocalUrl {
    private LocalUrl() {
    }

    static String of(Map<String, String> env) {
        String url = env.getOrDefault("UPBEAT_URL", "");
        if (!url.isBlank()) {
            return url.strip().replaceAll("/+$", "");
        }
        String port = env.getOrDefault("PORT", "");
        return "http://localhost:" + (port.isBlank() ? "8080" : port.strip());
    }
}
