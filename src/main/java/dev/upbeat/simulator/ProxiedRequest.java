package dev.upbeat.simulator;

import java.util.function.UnaryOperator;

/** What a fault plan may look at in a request: its method, path and headers. */
public record ProxiedRequest(String method, String path, UnaryOperator<String> headers) {

    /** The first value of a header, or null. */
    public String header(String name) {
        return headers.apply(name);
    }
}
