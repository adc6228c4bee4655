package dev.upbeat.simulator;

import java.net.URI;
import java.time.Instant;

/**
 * A dependency Upbeat stands in for: it listens on {@code listen} and proxies to {@code upstream}
 * while no simulation is live. An {@code http} target's upstream is a URL (none: it answers as in
 * maintenance); a {@code tcp} target's is {@code tcp://host:port}, shown as {@code host:port}.
 */
public record Target(String name, Listen listen, URI upstream, Instant createdAt, TargetKind kind) {

    /** An {@code http} target. */
    public Target(String name, Listen listen, URI upstream, Instant createdAt) {
        this(name, listen, upstream, createdAt, TargetKind.HTTP);
    }

    /** The upstream as the API takes and shows it: the URL, or {@code host:port} for tcp; null when none. */
    public String upstreamText() {
        if (upstream == null) {
            return null;
        }
        return kind == TargetKind.TCP ? upstream.getRawAuthority() : upstream.toString();
    }

    /** The same target listening on {@code port}. */
    Target withPort(int port) {
        return new Target(name, listen.withPort(port), upstream, createdAt, kind);
    }

    /** Whether a target has the same kind, address and upstream as {@code other}, so one listener serves both. */
    boolean sameDefinition(Target other) {
        return kind == other.kind && listen.toString().equals(other.listen.toString())
                && java.util.Objects.equals(upstream, other.upstream);
    }

    /** One instance's listener for a target: {@code listening}, or {@code failed} with the error. */
    public record Listener(String instance, String state, String error) {
    }
}
