package dev.upbeat.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads {@link NotificationConfig} with the loader's fail-fast rules; each key is in docs/configuration.md. */
final class NotificationSettings {
    /**
     * Sending threads per channel; its names are the channels this key accepts. Config knows no
     * feature package, so a test holds them equal to {@code subscription.Channel}.
     */
    static final String DEFAULT_CONCURRENCY = "email=4,sms=2,webhook=8,slack=2,teams=2";

    private NotificationSettings() {
    }

    static NotificationConfig load(ConfigLoader l, URI baseUrl) {
        URI smtp = l.read("SMTP_URL", "", NotificationSettings::smtpUrl,
                "smtp://user:pass@host:587 (STARTTLS) or smtps://user:pass@host:465 (TLS)");
        String from = l.read("UPBEAT_MAIL_FROM", "status@" + baseUrl.getHost(), NotificationSettings::mailbox,
                "an email address, optionally with a name: Example Status <status@example.com>");
        NotificationConfig.Twilio twilio = new NotificationConfig.Twilio(
                l.read("UPBEAT_TWILIO_ACCOUNT_SID", "", NotificationSettings::optional, "a Twilio account SID"),
                l.read("UPBEAT_TWILIO_AUTH_TOKEN", "", NotificationSettings::optional, "a Twilio auth token"),
                l.read("UPBEAT_TWILIO_FROM", "", NotificationSettings::optional, "a sending number in E.164 form"),
                l.read("UPBEAT_TWILIO_BASE_URL", "https://api.twilio.com", ConfigLoader::baseUrl, "an absolute http(s) URL"));
        return new NotificationConfig(smtp, from, twilio,
                l.read("UPBEAT_WEBHOOK_ALLOW", "", NotificationSettings::list, "comma-separated host names or CIDRs"),
                l.read("UPBEAT_DELIVERY_MAX_ATTEMPTS", "8", v -> (int) ConfigLoader.positiveLong(v), "a positive number"),
                l.read("UPBEAT_DELIVERY_BACKOFF", "PT30S", ConfigLoader::positiveDuration, "an ISO 8601 duration such as PT30S"),
                l.read("UPBEAT_DELIVERY_BACKOFF_MAX", "PT1H", ConfigLoader::positiveDuration, "an ISO 8601 duration such as PT1H"),
                l.read("UPBEAT_DELIVERY_CONCURRENCY", DEFAULT_CONCURRENCY,
                        NotificationSettings::concurrency, "comma-separated channel=threads, e.g. email=4,webhook=8"),
                l.read("UPBEAT_DELIVERY_POLL", "PT2S", ConfigLoader::positiveDuration, "an ISO 8601 duration such as PT2S"),
                l.read("UPBEAT_DELIVERY_LEASE", "PT15S", ConfigLoader::leaseDuration,
                        "an ISO 8601 duration of at least PT2S, such as PT15S"),
                l.read("UPBEAT_CONFIRM_TTL", "P7D", ConfigLoader::positiveDuration, "an ISO 8601 duration such as P7D"),
                l.read("UPBEAT_SUBSCRIBE_LIMIT", "10", v -> (int) ConfigLoader.positiveLong(v), "a positive number"),
                l.read("UPBEAT_SUBSCRIBE_WINDOW", "PT1H", ConfigLoader::positiveDuration, "an ISO 8601 duration such as PT1H"),
                l.read("UPBEAT_SIGNING_KEY", "", NotificationSettings::signingKey, "at least 32 characters of secret"));
    }

    private static String optional(String v) {
        return v.isEmpty() ? null : v;
    }

    private static URI smtpUrl(String v) {
        if (v.isEmpty()) {
            return null;
        }
        try {
            URI uri = new URI(v);
            if (!"smtp".equals(uri.getScheme()) && !"smtps".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("scheme must be smtp or smtps, with a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL");
        }
    }

    private static String mailbox(String v) {
        if (!v.matches("(?s)([^<>]*<)?[^@\\s<>]+@[^@\\s<>]+>?")) {
            throw new IllegalArgumentException("not an address");
        }
        return v;
    }

    private static List<String> list(String v) {
        return Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    static Map<String, Integer> concurrency(String v) {
        Map<String, Integer> map = new LinkedHashMap<>();
        readPairs(DEFAULT_CONCURRENCY, map, null);
        readPairs(v, map, Set.copyOf(map.keySet()));
        return Map.copyOf(map);
    }

    /** Puts each {@code channel=threads} of {@code v} into {@code map}; {@code known} (if given) limits the channels. */
    private static void readPairs(String v, Map<String, Integer> map, Set<String> known) {
        for (String pair : list(v)) {
            String[] parts = pair.split("=", 2);
            if (parts.length != 2 || known != null && !known.contains(parts[0].strip())) {
                throw new IllegalArgumentException("bad pair '" + pair + "'; channels are " + map.keySet());
            }
            int threads = Integer.parseInt(parts[1].strip());
            if (threads < 1 || threads > 64) {
                throw new IllegalArgumentException("threads must be 1 to 64 in '" + pair + "'");
            }
            map.put(parts[0].strip(), threads);
        }
    }

    private static String signingKey(String v) {
        if (!v.isEmpty() && v.length() < 32) {
            throw new IllegalArgumentException("too short");
        }
        return v.isEmpty() ? null : v;
    }
}
