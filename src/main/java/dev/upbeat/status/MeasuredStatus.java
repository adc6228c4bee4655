package dev.upbeat.status;

import dev.upbeat.config.UptimeSource;
import dev.upbeat.uptime.Measurements.LatencySeries;
import dev.upbeat.uptime.UptimeSummary;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What probes measured, as of a snapshot: the uptime summary of each probed component, its
 * probes' hourly latency, and where the page's headline uptime comes from ({@link UptimeSource}).
 */
public record MeasuredStatus(UptimeSource source, Map<String, UptimeSummary> uptime, Map<String, List<LatencySeries>> latency) {
    public static final MeasuredStatus NONE = new MeasuredStatus(UptimeSource.INCIDENTS, Map.of(), Map.of());

    public Optional<UptimeSummary> uptimeOf(String componentId) {
        return Optional.ofNullable(uptime.get(componentId));
    }

    public List<LatencySeries> latencyOf(String componentId) {
        return latency.getOrDefault(componentId, List.of());
    }
}
