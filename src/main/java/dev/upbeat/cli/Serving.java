package dev.upbeat.cli;

/**
 * Marks the commands that run a server until stopped: their log is their output. Every other
 * command prints only its answer, so for those the log is quiet unless {@code UPBEAT_LOG_LEVEL}
 * asks otherwise ({@link Logs}).
 */
interface Serving {
}
