package dev.upbeat.config;

import dev.upbeat.config.DatabaseUrl;
import dev.upbeat.config.UptimeWeights;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every setting Upbeat reads, already checked. Built once by {@link ConfigLoader} from the
 * environment; docs/configuration.md lists each with its default.
 */
public record UpbeatConfig(
        String host,
        int port,
        DatabaseUrl database,
        Path dataDirectory,
        URI baseUrl,
        String adminToken,
        String pageName,
        ZoneId timeZone,
        UptimeWeights uptimeWeights,
        long maxBodyBytes,
        long maxSbomBytes,
        Duration snapshotRefresh,
        Duration cacheMaxAge,
        Branding branding,
        NotificationConfig notifications,
        Path simTargetsFile,
        Duration simLease,
        String toxiproxyListen,
        ProbeConfig probes,
        AdminSettings admin,
        LogSettings logs) {

    /** The effective settings, secrets hidden, in the order they are documented. */
    public Map<String, String> describe() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("UPBEAT_HOST", host);
        d.put("PORT", Integer.toString(port));
        d.put("DATABASE_URL", database.describe());
        d.put("UPBEAT_DATA_DIR", dataDirectory.toString());
        d.put("UPBEAT_BASE_URL", baseUrl.toString());
        d.put("UPBEAT_ADMIN_TOKEN", adminToken == null ? "(unset)" : "(set)");
        d.put("UPBEAT_PAGE_NAME", pageName);
        d.put("UPBEAT_TIME_ZONE", timeZone.getId());
        d.put("UPBEAT_UPTIME_MAJOR_WEIGHT", Double.toString(uptimeWeights.major()));
        d.put("UPBEAT_UPTIME_PARTIAL_WEIGHT", Double.toString(uptimeWeights.partial()));
        d.put("UPBEAT_MAX_BODY_BYTES", Long.toString(maxBodyBytes));
        d.put("UPBEAT_MAX_SBOM_BYTES", Long.toString(maxSbomBytes));
        d.put("UPBEAT_SNAPSHOT_REFRESH", snapshotRefresh.toString());
        d.put("UPBEAT_CACHE_MAX_AGE", cacheMaxAge.toString());
        d.put("UPBEAT_ACCENT_COLOR", branding.accentColor());
        d.put("UPBEAT_LOGO_FILE", branding.logoFile() == null ? "(unset)" : branding.logoFile().toString());
        d.put("UPBEAT_FOOTER_LINKS", branding.footerLinks().stream().map(l -> l.label() + "=" + l.url()).toList().toString());
        notifications.describe(d);
        d.put("UPBEAT_SIM_TARGETS", simTargetsFile == null ? "(unset)" : simTargetsFile.toString());
        d.put("UPBEAT_SIM_LEASE", simLease.toString());
        d.put("UPBEAT_TOXIPROXY_LISTEN", toxiproxyListen == null ? "(off)" : toxiproxyListen);
        probes.describe(d);
        admin.describe(d);
        logs.describe(d);
        return d;
    }
}
