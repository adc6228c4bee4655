package dev.upbeat.simulator;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The Prometheus counters of one target: requests, faults injected by type, upstream latency.
 * They exist only while the target listens: registered once its port is bound (a refused target
 * never shows) and removed when it closes (a deleted one stops being exported).
 */
final class ProxyMetrics implements AutoCloseable {
    private final MeterRegistry registry;
    private final String target;
    private volatile Counter requests;
    private volatile Timer upstreamLatency;

    ProxyMetrics(MeterRegistry registry, String target) {
        this.registry = registry;
        this.target = target;
    }

    void open() {
        requests = Counter.builder("upbeat_simulator_requests").description("Requests received by a simulator target")
                .tag("target", target).register(registry);
        upstreamLatency = Timer.builder("upbeat_simulator_upstream_latency").description("Time to the upstream's response headers")
                .tag("target", target).publishPercentileHistogram().register(registry);
    }

    void request(Plan plan) {
        Counter counter = requests;
        if (counter == null) {
            return;
        }
        counter.increment();
        for (String type : plan.injected()) {
            Counter.builder("upbeat_simulator_faults_injected").description("Faults injected by a simulator target")
                    .tag("target", target).tag("type", type).register(registry).increment();
        }
    }

    void upstream(long tookNanos) {
        Timer timer = upstreamLatency;
        if (timer != null) {
            timer.record(tookNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void close() {
        requests = null;
        upstreamLatency = null;
        registry.getMeters().stream()
                .filter(m -> m.getId().getName().startsWith("upbeat_simulator_") && target.equals(m.getId().getTag("target")))
                .forEach(registry::remove);
    }
}
