package dev.upbeat.simulator;

import dev.upbeat.problem.Problem;
import java.net.URI;
import java.net.URISyntaxException;

/** Checks of a target's name and upstream, naming the field. */
final class TargetChecks {
    private TargetChecks() {
    }

    static String name(String name) {
        if (name == null || !name.matches("[a-z0-9][a-z0-9_-]{0,62}")) {
            throw Problem.invalid("name", "name must be 1 to 63 lowercase letters, digits, '-' or '_', such as platform-api; got "
                    + (name == null ? "nothing" : "'" + name + "'"));
        }
        return name;
    }

    /** An absolute http(s) URL without query or fragment, or null for a target that only answers maintenance. */
    static URI upstream(String upstream) {
        if (upstream == null || upstream.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(upstream.strip());
            if (uri.isAbsolute() && uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getPort() != 0 && uri.getPort() <= 65535) {
                return uri;
            }
        } catch (URISyntaxException ignored) {
            // reported below
        }
        throw Problem.invalid("upstream", "upstream must be an absolute http or https URL (port 1 to 65535) such as https://api.example.com; got '"
                + upstream + "'");
    }

    /** A tcp target's upstream {@code host:port} (port 1 to 65535), as {@code tcp://host:port}; required. */
    static URI tcpUpstream(String upstream) {
        String value = upstream == null ? "" : upstream.strip();
        try {
            URI uri = new URI("tcp://" + value);
            if (!value.isEmpty() && !value.contains("/") && uri.getHost() != null && uri.getPort() >= 1 && uri.getPort() <= 65535
                    && uri.getRawUserInfo() == null) {
                return uri;
            }
        } catch (URISyntaxException ignored) {
            // reported below
        }
        throw Problem.invalid("upstream", "upstream of a tcp target must be host:port (port 1 to 65535) such as 127.0.0.1:5432; got '"
                + (upstream == null ? "" : upstream) + "'");
    }
}
