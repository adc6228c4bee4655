package dev.upbeat.simulator;

import dev.upbeat.problem.Problem;

/** A listen address {@code host:port}; port 0 asks for any free port (the target then shows the real one). */
public record Listen(String host, int port) {

    public static Listen parse(String field, String value) {
        if (value == null || value.isBlank()) {
            throw Problem.invalid(field, field + " is required, as host:port such as 127.0.0.1:9401");
        }
        int colon = value.lastIndexOf(':');
        String host = colon < 0 ? "" : value.substring(0, colon).strip();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            int port = Integer.parseInt(value.substring(colon + 1).strip());
            if (!host.isEmpty() && host.matches("[A-Za-z0-9.:_-]+") && port >= 0 && port <= 65535) {
                return new Listen(host, port);
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw Problem.invalid(field, field + " must be host:port with a port from 0 to 65535, such as 127.0.0.1:9401; got '"
                + value + "'");
    }

    public Listen withPort(int actual) {
        return new Listen(host, actual);
    }

    @com.fasterxml.jackson.annotation.JsonValue
    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
