package dev.upbeat.probe;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each check's outcome and latency, per probe (its name: probes are few and named by their
 * operator, so the label set stays bounded): {@code upbeat_probe_checks_total{probe,result}} and
 * {@code upbeat_probe_latency_seconds{probe}}.
 */
final class ProbeMetrics {
    private record Meters(Counter up, Counter down, Timer latency) {
    }

    private final MeterRegistry registry;
    private final Map<String, Meters> byProbe = new ConcurrentHashMap<>();

    ProbeMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(Probe probe, CheckResult result) {
        Meters m = byProbe.computeIfAbsent(probe.name(), this::meters);
        (result.ok() ? m.up() : m.down()).increment();
        if (result.latency() != null) {
            m.latency().record(result.latency());
        }
    }

    private Meters meters(String probe) {
        return new Meters(checks(probe, "up"), checks(probe, "down"),
                Timer.builder("upbeat_probe_latency").description("Time a probe's check took, failed checks included")
                        .tag("probe", probe).register(registry));
    }

    private Counter checks(String probe, String result) {
        return Counter.builder("upbeat_probe_checks").description("Checks run by a probe, by result (up or down)")
                .tag("probe", probe).tag("result", result).register(registry);
    }
}
