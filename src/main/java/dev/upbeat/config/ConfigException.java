package dev.upbeat.config;

/** A setting that cannot be used; its message names the variable and the value. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
