package dev.upbeat.config;

import dev.upbeat.config.UptimeSource;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads {@link ProbeConfig} with the loader's fail-fast rules. */
final class ProbeSettings {
    static final String DEFAULT_TITLE = "{component} is not responding";
    static final String DEFAULT_MESSAGE = "Automated check {probe} failed {failures} times in a row: {error}. We are investigating.";
    static final String DEFAULT_RESOLVE = "Automated check {probe} has succeeded {successes} times in a row; this incident is resolved.";

    private ProbeSettings() {
    }

    /** Raw results must outlive the day they belong to, or that day's roll-up would be built from part of it. */
    private static java.time.Duration rawRetention(String v) {
        java.time.Duration d = ConfigLoader.positiveDuration(v);
        if (d.compareTo(java.time.Duration.ofHours(26)) < 0) {
            throw new IllegalArgumentException("shorter than a day plus the longest DST shift and a roll-up hour");
        }
        return d;
    }

    static ProbeConfig load(ConfigLoader l) {
        String duration = "an ISO 8601 duration such as ";
        return new ProbeConfig(
                l.read("UPBEAT_PROBE_TICK", "PT1S", ConfigLoader::positiveDuration, duration + "PT1S"),
                l.read("UPBEAT_PROBE_RAW_RETENTION", "P7D", ProbeSettings::rawRetention,
                        "at least PT26H (daily roll-ups are made from a whole day of raw results), e.g. P7D"),
                l.read("UPBEAT_PROBE_HOURLY_RETENTION", "P90D", ConfigLoader::positiveDuration, duration + "P90D"),
                l.read("UPBEAT_PROBE_DAILY_RETENTION", "P800D", ConfigLoader::positiveDuration, duration + "P800D"),
                l.read("UPBEAT_PROBE_MIN_STATE_CHANGE", "PT5M", ProbeSettings::nonNegative, duration + "PT5M (PT0S allowed)"),
                l.read("UPBEAT_UPTIME_SOURCE", "incidents", ProbeSettings::source, "one of incidents, probes, both"),
                l.read("UPBEAT_PROBE_INCIDENT_TITLE", DEFAULT_TITLE, v -> v, "an incident title template"),
                l.read("UPBEAT_PROBE_INCIDENT_MESSAGE", DEFAULT_MESSAGE, v -> v, "an incident message template"),
                l.read("UPBEAT_PROBE_RESOLVE_MESSAGE", DEFAULT_RESOLVE, v -> v, "a resolving update template"),
                l.read("UPBEAT_PROBES_FILE", "", ProbeSettings::file, "a readable JSON file of probes"));
    }

    private static java.time.Duration nonNegative(String v) {
        java.time.Duration d = java.time.Duration.parse(v);
        if (d.isNegative()) {
            throw new IllegalArgumentException("must not be negative");
        }
        return d;
    }

    private static UptimeSource source(String v) {
        return UptimeSource.fromWire(v).orElseThrow(() -> new IllegalArgumentException("unknown source"));
    }

    private static Path file(String v) {
        if (v.isEmpty()) {
            return null;
        }
        Path p = Path.of(v);
        if (!Files.isReadable(p)) {
            throw new IllegalArgumentException("not readable");
        }
        return p;
    }
}
