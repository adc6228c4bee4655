package dev.upbeat.simulator.tcp;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;

/**
 * The Prometheus counters of one TCP proxy: bytes relayed each way, connections relayed, and
 * toxics applied (each time a toxic's toxicity roll lets it run on a connection's direction).
 * Removed with the proxy, so a deleted proxy stops being exported.
 */
final class TcpMetrics {
    private final MeterRegistry registry;
    private final String proxy;
    private final Map<Direction, Counter> bytes = new EnumMap<>(Direction.class);
    private final Counter connections;

    TcpMetrics(MeterRegistry registry, String proxy) {
        this.registry = registry;
        this.proxy = proxy;
        for (Direction d : Direction.values()) {
            bytes.put(d, Counter.builder("upbeat_tcp_bytes").description("Bytes relayed by a TCP proxy")
                    .baseUnit("bytes").tag("proxy", proxy).tag("direction", d.wire()).register(registry));
        }
        connections = Counter.builder("upbeat_tcp_connections").description("Connections relayed by a TCP proxy")
                .tag("proxy", proxy).register(registry);
    }

    void relayed(Direction direction, int count) {
        bytes.get(direction).increment(count);
    }

    void connected() {
        connections.increment();
    }

    void applied(ToxicType type) {
        Counter.builder("upbeat_tcp_toxics_applied").description("Toxics applied to a TCP proxy's connections, per direction")
                .tag("proxy", proxy).tag("type", type.wire()).register(registry).increment();
    }

    void remove() {
        registry.getMeters().stream()
                .filter(m -> m.getId().getName().startsWith("upbeat_tcp_") && proxy.equals(m.getId().getTag("proxy")))
                .forEach(registry::remove);
    }
}
