package dev.upbeat.config;

import dev.upbeat.config.UptimeSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Settings of the probes: how often the runner looks for due checks, how long raw results and
 * roll-ups are kept, how quickly an auto-incident may change state, the incident wording, and
 * where the page's uptime comes from. Each key is in docs/configuration.md.
 *
 * @param file a JSON file of probes declared in configuration (null: none)
 */
public record ProbeConfig(
        Duration tick,
        Duration rawRetention,
        Duration hourlyRetention,
        Duration dailyRetention,
        Duration minStateChange,
        UptimeSource uptimeSource,
        String incidentTitle,
        String incidentMessage,
        String resolveMessage,
        Path file) {

    void describe(Map<String, String> d) {
        d.put("UPBEAT_PROBE_TICK", tick.toString());
        d.put("UPBEAT_PROBE_RAW_RETENTION", rawRetention.toString());
        d.put("UPBEAT_PROBE_HOURLY_RETENTION", hourlyRetention.toString());
        d.put("UPBEAT_PROBE_DAILY_RETENTION", dailyRetention.toString());
        d.put("UPBEAT_PROBE_MIN_STATE_CHANGE", minStateChange.toString());
        d.put("UPBEAT_UPTIME_SOURCE", uptimeSource.wire());
        d.put("UPBEAT_PROBE_INCIDENT_TITLE", incidentTitle);
        d.put("UPBEAT_PROBE_INCIDENT_MESSAGE", incidentMessage);
        d.put("UPBEAT_PROBE_RESOLVE_MESSAGE", resolveMessage);
        d.put("UPBEAT_PROBES_FILE", file == null ? "(unset)" : file.toString());
    }
}
