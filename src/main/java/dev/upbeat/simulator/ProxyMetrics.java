package dev.upbeat.simulator;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/** The Prometheus counters of one target: requests, faults injected by type, upstream latency. */
final class ProxyMetrics {
    private final MeterRegistry registry;
    private final String target;
    private final Counter requests;
    private final Timer upstreamLatency;

    ProxyMetrics(MeterRegistry registry, String target) {
        this.registry = registry;
        this.target = target;
        this.requests = Counter.builder("upbeat_sim_requests").description("Requests received by a simulator target")
                .tag("target", target).register(registry);
        this.upstreamLatency = Timer.builder("upbeat_sim_upstream_latency").description("Time to the upstream's response headers")
                .tag("target", target).publishPercentileHistogram().register(registry);
    }

    void request(Plan plan) {
        requests.increment();
        for (String type : plan.injected()) {
            Counter.builder("upbeat_sim_faults_injected").description("Faults injected by a simulator target")
                    .tag("target", target).tag("type", type).register(registry).increment();
        }
    }

    void upstream(Duration took) {
        upstreamLatency.record(took);
    }
}
