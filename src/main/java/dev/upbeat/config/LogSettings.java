package dev.upbeat.config;

import java.util.Map;

/**
 * How Upbeat logs: as text for people or as one JSON object per line for a log pipeline, and
 * whether each HTTP request gets an access line. Logback picks its encoder from
 * {@code UPBEAT_LOG_FORMAT} itself (logback.xml), before any setting is read; this checks the
 * value, so a misspelt one stops startup naming the variable instead of silencing the log.
 */
public record LogSettings(Format format, boolean accessLog) {

    /** The encoders logback.xml has, by their appender's name. */
    public enum Format {
        TEXT, JSON;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    static LogSettings load(ConfigLoader loader) {
        return new LogSettings(
                loader.read("UPBEAT_LOG_FORMAT", "text", LogSettings::format, "text or json"),
                loader.read("UPBEAT_ACCESS_LOG", "false", ConfigLoader::bool, "true or false"));
    }

    private static Format format(String v) {
        for (Format f : Format.values()) {
            if (f.wire().equals(v)) {
                return f;
            }
        }
        throw new IllegalArgumentException("not a log format");
    }

    void describe(Map<String, String> d) {
        d.put("UPBEAT_LOG_FORMAT", format.wire());
        d.put("UPBEAT_ACCESS_LOG", Boolean.toString(accessLog));
    }
}
