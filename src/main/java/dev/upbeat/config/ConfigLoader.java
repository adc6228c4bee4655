package dev.upbeat.config;

import dev.upbeat.config.DatabaseUrl;
import dev.upbeat.config.UptimeWeights;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads {@link UpbeatConfig} from environment variables (Heroku's {@code PORT} and
 * {@code DATABASE_URL} included). A bad value stops startup with a message naming the variable,
 * the value found and what was expected.
 */
public final class ConfigLoader {
    private final Map<String, String> env;

    public ConfigLoader(Map<String, String> env) {
        this.env = env;
    }

    public static UpbeatConfig fromEnvironment() {
        return new ConfigLoader(System.getenv()).load();
    }

    public UpbeatConfig load() {
        int port = read("PORT", "8080", ConfigLoader::port, "a TCP port from 0 to 65535");
        Path dataDir = read("UPBEAT_DATA_DIR", "data", Path::of, "a directory path");
        DatabaseUrl database = read("DATABASE_URL", "", v -> DatabaseUrl.parse(v, dataDir),
                "jdbc:sqlite:PATH, jdbc:postgresql://HOST/DB or postgres://USER:PASS@HOST:PORT/DB");
        URI baseUrl = read("UPBEAT_BASE_URL", "http://localhost:" + port, ConfigLoader::baseUrl,
                "an absolute http(s) URL such as https://status.example.com");
        UptimeWeights weights = new UptimeWeights(
                read("UPBEAT_UPTIME_MAJOR_WEIGHT", "1.0", ConfigLoader::weight, "a number from 0 to 1"),
                read("UPBEAT_UPTIME_PARTIAL_WEIGHT", "0.3", ConfigLoader::weight, "a number from 0 to 1"));
        return new UpbeatConfig(
                read("UPBEAT_HOST", "0.0.0.0", v -> v, "a host name or address to listen on"),
                port, database, dataDir, baseUrl,
                env.get("UPBEAT_ADMIN_TOKEN") == null || env.get("UPBEAT_ADMIN_TOKEN").isBlank() ? null : env.get("UPBEAT_ADMIN_TOKEN"),
                read("UPBEAT_PAGE_NAME", "Upbeat Status", v -> v, "the status page's name"),
                read("UPBEAT_TIME_ZONE", "UTC", ZoneId::of, "an IANA time zone such as Europe/Paris"),
                weights,
                read("UPBEAT_MAX_BODY_BYTES", "1048576", ConfigLoader::positiveLong, "a positive number of bytes"),
                read("UPBEAT_MAX_SBOM_BYTES", "16777216", ConfigLoader::positiveLong, "a positive number of bytes"),
                read("UPBEAT_SNAPSHOT_REFRESH", "PT30S", ConfigLoader::positiveDuration, "an ISO 8601 duration such as PT30S"),
                read("UPBEAT_CACHE_MAX_AGE", "PT10S", ConfigLoader::positiveDuration, "an ISO 8601 duration such as PT10S"),
                new Branding(
                        read("UPBEAT_ACCENT_COLOR", "#2b6cb0", ConfigLoader::hexColor, "a colour like #2b6cb0"),
                        read("UPBEAT_LOGO_FILE", "", ConfigLoader::logoFile, "a readable PNG, SVG, JPEG or WebP file"),
                        read("UPBEAT_FOOTER_LINKS", "", ConfigLoader::footerLinks,
                                "comma-separated Label=https://url pairs, e.g. Support=https://example.com/help")),
                NotificationSettings.load(this, baseUrl),
                read("UPBEAT_SIM_TARGETS", "", ConfigLoader::readableFile, "a readable JSON file of simulator targets"),
                read("UPBEAT_SIM_LEASE", "PT15S", ConfigLoader::leaseDuration, "an ISO 8601 duration of at least PT2S, such as PT15S"),
                read("UPBEAT_TOXIPROXY_LISTEN", "", ConfigLoader::listenOrOff, "host:port such as 127.0.0.1:8474"),
                ProbeSettings.load(this),
                AdminSettings.load(this),
                LogSettings.load(this));
    }

    <T> T read(String key, String fallback, Function<String, T> parse, String expected) {
        String raw = env.get(key);
        String value = raw == null || raw.isBlank() ? fallback : raw.strip();
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException | DateTimeException | ArithmeticException e) {
            String detail = e.getMessage() == null || e instanceof NumberFormatException || e instanceof DateTimeParseException
                    ? "" : " (" + e.getMessage() + ")";
            throw new ConfigException(key + " must be " + expected + "; got '" + value + "'" + detail);
        }
    }

    /** An address to listen on, {@code host:port}; empty means the listener is off (null). */
    public static String listenOrOff(String v) {
        if (v.isEmpty()) {
            return null;
        }
        int colon = v.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("no host or no port");
        }
        port(v.substring(colon + 1));
        return v;
    }

    private static int port(String v) {
        int port = Integer.parseInt(v);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("out of range");
        }
        return port;
    }

    private static String hexColor(String v) {
        return Branding.color(v);
    }

    private static Path logoFile(String v) {
        if (v.isEmpty()) {
            return null;
        }
        Path p = Path.of(v);
        if (!java.nio.file.Files.isReadable(p) || !v.toLowerCase(java.util.Locale.ROOT).matches(".*\\.(png|svg|jpe?g|webp)")) {
            throw new IllegalArgumentException("not a readable image file");
        }
        return p;
    }

    private static java.util.List<Branding.FooterLink> footerLinks(String v) {
        return Branding.footerLinks(v);
    }

    /**
     * A lease on background work (simulations renewed every second, delivery claims every third of
     * the lease): shorter than two seconds it could lapse while its owner lives.
     */
    static Duration leaseDuration(String v) {
        Duration d = Duration.parse(v);
        if (d.compareTo(Duration.ofSeconds(2)) < 0) {
            throw new IllegalArgumentException("shorter than PT2S");
        }
        return d;
    }

    private static Path readableFile(String v) {
        if (v.isEmpty()) {
            return null;
        }
        Path p = Path.of(v);
        if (!java.nio.file.Files.isReadable(p)) {
            throw new IllegalArgumentException("not a readable file");
        }
        return p;
    }

    private static double weight(String v) {
        double w = Double.parseDouble(v);
        if (!(w >= 0 && w <= 1)) {
            throw new IllegalArgumentException("out of range");
        }
        return w;
    }

    static boolean bool(String v) {
        return switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("not a boolean");
        };
    }

    static long positiveLong(String v) {
        long n = Long.parseLong(v);
        if (n <= 0) {
            throw new IllegalArgumentException("must be positive");
        }
        return n;
    }

    static Duration positiveDuration(String v) {
        Duration d = Duration.parse(v);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("must be positive");
        }
        return d;
    }

    static URI baseUrl(String v) {
        try {
            URI uri = new URI(v.endsWith("/") ? v.substring(0, v.length() - 1) : v);
            if (!uri.isAbsolute() || !(uri.getScheme().equals("http") || uri.getScheme().equals("https")) || uri.getHost() == null) {
                throw new IllegalArgumentException("not an absolute http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }
}
