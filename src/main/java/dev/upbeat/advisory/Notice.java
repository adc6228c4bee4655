package dev.upbeat.advisory;

import java.time.Instant;

/**
 * What an advisory tells the public ("We are aware of CVE-2022-3602; we are not affected"), in
 * Markdown; the status page shows it only while published.
 */
public record Notice(long advisoryId, String text, boolean published, Instant publishedAt) {
}
